import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { quietServerlessEnv } from '../lib/processes'

const root = resolve(__dirname, '../..')

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
}

/** Milliseconds to require a handler module in a fresh Node process, the AWS SDK resolved as the runtime provides it. */
function loadTime(file: string): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(file)}); console.log(Number(process.hrtime.bigint() - t) / 1e6)`
  const out = execFileSync(process.execPath, ['-e', script], {
    env: { PATH: process.env.PATH, NODE_PATH: resolve(root, 'node_modules'), STAGE: 'prod', TABLE_NAME: 'studio-erp-prod', AWS_REGION: 'ap-east-1' } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
  })
  return Number(out.trim().split('\n').pop())
}

/**
 * The deployed bundles as `npm run package` makes them (offline, in a folder of its own):
 * each function's zipped and unzipped size and the median time to load its module.
 */
export function benchBundles(runs = 7) {
  const dir = mkdtempSync(join(tmpdir(), 'studio-erp-bundles-'))
  try {
    console.log('    packaging (osls package --stage prod)…')
    execFileSync(resolve(root, 'node_modules/.bin/osls'), ['package', '--stage', 'prod', '--package', join(dir, 'out')], {
      cwd: root,
      env: { ...process.env, ...quietServerlessEnv, ESBUILD_WORK_FOLDER: relative(root, join(dir, 'work')) },
      stdio: 'pipe',
    })
    return readdirSync(join(dir, 'out'))
      .filter((f) => f.endsWith('.zip'))
      .map((zip) => {
        const unpacked = join(dir, zip.replace(/\.zip$/, ''))
        execFileSync('unzip', ['-q', join(dir, 'out', zip), '-d', unpacked])
        const files = filesUnder(unpacked)
        const handler = files.find((f) => f.endsWith('.js'))!
        loadTime(handler)
        const times = Array.from({ length: runs }, () => loadTime(handler)).sort((a, b) => a - b)
        return {
          function: zip.replace(/\.zip$/, ''),
          zipped: kb(statSync(join(dir, 'out', zip)).size),
          unzipped: kb(files.reduce((sum, f) => sum + statSync(f).size, 0)),
          [`load ms (median of ${runs})`]: times[Math.floor(runs / 2)]!.toFixed(1),
          'load ms (min–max)': `${times[0]!.toFixed(1)}–${times.at(-1)!.toFixed(1)}`,
        }
      })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
