import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { quietServerlessEnv } from '../lib/processes'

const root = resolve(__dirname, '../..')

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
}

/**
 * Milliseconds to require a handler module in a fresh Node process, the AWS SDK resolved as
 * the runtime provides it; with `sdkFirst`, the SDK modules it needs are loaded before the
 * clock starts, leaving the bundle's own cost. `cpu` is the process's CPU time (user and
 * system) over the same span: on a shared machine the wall clock also counts the time spent
 * waiting for a core, the CPU time much less so.
 */
function loadTime(file: string, sdkFirst: string[] = []): { wall: number; cpu: number } {
  const preload = sdkFirst.map((m) => `require(${JSON.stringify(m)});`).join('')
  const script = `${preload}const c = process.cpuUsage(); const t = process.hrtime.bigint(); require(${JSON.stringify(file)}); const wall = Number(process.hrtime.bigint() - t) / 1e6; const u = process.cpuUsage(c); console.log(JSON.stringify({ wall, cpu: (u.user + u.system) / 1000 })); process.exit(0)`
  const out = execFileSync(process.execPath, ['-e', script], {
    env: { PATH: process.env.PATH, NODE_PATH: resolve(root, 'node_modules'), STAGE: 'prod', TABLE_NAME: 'studio-erp-prod', AWS_REGION: 'ap-east-1', SECRETS_PATH: '/studio-erp/prod/' } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
  })
  return JSON.parse(out.trim().split('\n').pop()!) as { wall: number; cpu: number }
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
    // A baseline in the same minute: a tiny module, so the ratio to it says what the machine's load does not.
    const tiny = join(dir, 'tiny.js')
    writeFileSync(tiny, 'exports.handler = async () => ({ statusCode: 200 })\n')
    const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
    const baseline = median(Array.from({ length: runs }, () => loadTime(tiny).wall))
    console.log(`    baseline: a one-line module loads in a median ${baseline.toFixed(1)} ms; load average ${loadavg().map((l) => l.toFixed(1)).join(', ')}`)
    return readdirSync(join(dir, 'out'))
      .filter((f) => f.endsWith('.zip'))
      .map((zip) => {
        const unpacked = join(dir, zip.replace(/\.zip$/, ''))
        execFileSync('unzip', ['-q', join(dir, 'out', zip), '-d', unpacked])
        const files = filesUnder(unpacked)
        const handler = files.find((f) => f.endsWith('.js'))!
        const sdk = [...new Set([...readFileSync(handler, 'utf8').matchAll(/require\("(@aws-sdk\/[^"]+)"\)/g)].map((m) => m[1]!))]
        loadTime(handler)
        const withSdk = median(Array.from({ length: runs }, () => loadTime(handler).wall))
        const alone = Array.from({ length: runs }, () => loadTime(handler, sdk))
        const ownCode = median(alone.map((t) => t.wall))
        return {
          function: zip.replace(/\.zip$/, ''),
          zipped: kb(statSync(join(dir, 'out', zip)).size),
          unzipped: kb(files.reduce((sum, f) => sum + statSync(f).size, 0)),
          [`load ms incl. runtime SDK (median of ${runs})`]: withSdk.toFixed(1),
          [`load ms, bundle alone (median of ${runs})`]: ownCode.toFixed(1),
          'bundle alone ÷ one-line module': (ownCode / baseline).toFixed(1),
          [`CPU ms, bundle alone (median of ${runs})`]: median(alone.map((t) => t.cpu)).toFixed(1),
          'SDK modules from the runtime': sdk.join(', '),
        }
      })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
