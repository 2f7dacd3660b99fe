/**
 * Prints the size of the weapp main package and of each subpackage in dist/weapp against its
 * budget — WeChat's 2 MB limit per package, tighter where the studio set one — and exits
 * non-zero when one is over.
 * Run `npm run build:weapp` first.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const LIMIT_BYTES = 2 * 1024 * 1024
/** Tighter budgets: the main package loads on every start; the reports carry a chart library. */
const BUDGETS: Record<string, number> = { 'main package': 1024 * 1024, 'reports/': 400 * 1024 }
const budgetOf = (name: string) => BUDGETS[name] ?? LIMIT_BYTES
const root = resolve(__dirname, '..', 'dist', 'weapp')

/** Files in the build that WeChat does not upload: webpack's extracted licence texts and DevTools' own project settings. */
function isUploaded(path: string): boolean {
  return !path.endsWith('.txt') && !/^project(\.private)?\.config\.json$/.test(path)
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`
}

function main(): number {
  const appJsonPath = join(root, 'app.json')
  if (!existsSync(appJsonPath)) {
    console.error('[size] dist/weapp has no app.json — run `npm run build:weapp` first.')
    return 1
  }
  const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const subpackageRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map(({ root: subRoot }) => subRoot.replace(/\/?$/, '/'))
  const sizes = new Map<string, number>([['main package', 0], ...subpackageRoots.map((subRoot): [string, number] => [subRoot, 0])])

  for (const file of filesUnder(root)) {
    const path = relative(root, file).split('\\').join('/')
    if (!isUploaded(path)) continue
    const owner = subpackageRoots.find((subRoot) => path.startsWith(subRoot)) ?? 'main package'
    sizes.set(owner, (sizes.get(owner) ?? 0) + statSync(file).size)
  }

  let over = 0
  let total = 0
  console.log(`[size] dist/weapp, limit ${formatBytes(LIMIT_BYTES)} per package unless a budget says less`)
  for (const [name, bytes] of sizes) {
    total += bytes
    const budget = budgetOf(name)
    const share = ((bytes / budget) * 100).toFixed(1)
    const verdict = bytes > budget ? 'OVER' : 'ok'
    if (bytes > budget) over += 1
    console.log(`[size]   ${verdict.padEnd(4)} ${name.padEnd(16)} ${formatBytes(bytes).padStart(10)}  (${share}% of ${formatBytes(budget)})`)
  }
  console.log(`[size]   total ${formatBytes(total)}`)
  if (over > 0) {
    console.error(`[size] FAILED: ${over} package(s) over budget.`)
    return 1
  }
  console.log('[size] PASSED: every package is within its budget.')
  return 0
}

process.exit(main())
