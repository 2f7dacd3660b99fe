/**
 * The WeChat CloudBase cloud function, built for `tcb fn deploy` (see cloudbaserc.json):
 *   npm run build:cloudbase
 * One minified file with everything it needs (CloudBase's Node.js runtime has no AWS SDK),
 * in .cloudbase/functions/studio-erp/.
 */
import { build } from 'esbuild'
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(__dirname, '..')
const out = resolve(root, '.cloudbase/functions/studio-erp')

async function main() {
  mkdirSync(out, { recursive: true })
  console.log('Bundling functions/handlers/cloudbase.ts for CloudBase (Node.js 18)…')
  await build({
    entryPoints: [resolve(root, 'functions/handlers/cloudbase.ts')],
    outfile: resolve(out, 'index.js'),
    bundle: true,
    minify: true,
    keepNames: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    // Bundled for WeChat's cloud: the simulated services and the AWS file store are left out (functions/platform/build.ts).
    define: { 'process.env.STUDIO_BUILD': JSON.stringify('cloudbase') },
    logLevel: 'warning',
  })
  // The runtime installs nothing (installDependency: false): the bundle is complete.
  writeFileSync(resolve(out, 'package.json'), JSON.stringify({ name: 'studio-erp', private: true, main: 'index.js' }, null, 2) + '\n')
  console.log(`✔ ${out}/index.js (${Math.round(statSync(resolve(out, 'index.js')).size / 1024)} KB); deploy with: npx tcb fn deploy studio-erp -e $CLOUDBASE_ENV`)
}

main().catch((error) => {
  console.error(`✖ ${(error as Error).message}`)
  process.exit(1)
})
