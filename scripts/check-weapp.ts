/**
 * Checks the weapp build the way WeChat DevTools would, offline, with WeChat's own miniprogram-ci:
 *   1. analyse the code graph (missing files, broken imports, unknown components),
 *   2. run its code-quality audit (package sizes, compression, unused code),
 *   3. compile the package (JS/WXSS/WXML syntax, app.json pages and tab bar).
 * Run `npm run build:weapp` first. Exits non-zero when any step finds an error.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import * as ci from 'miniprogram-ci'

const projectPath = resolve(__dirname, '..', 'dist', 'weapp')

/** The quality items that describe a package WeChat would refuse or that is broken; the rest are advice. */
const blockingQualityChecks = new Set(['PACKAGE_SIZE_LIMIT', 'CONTAINS_OTHER_PKG_JS', 'CONTAINS_OTHER_PKG_COMPONENTS'])

interface QualityItem {
  name: string
  success: boolean
  text: string
}

function log(message: string) {
  console.log(`[check:weapp] ${message}`)
}

/** miniprogram-ci forks a compiler process and keeps it (and this process) alive; end it by its pid. */
function stopForkedChildren() {
  let output = ''
  try {
    output = execFileSync('ps', ['-o', 'pid=', '--ppid', String(process.pid)], { encoding: 'utf8' })
  } catch {
    return
  }
  for (const pid of output.split('\n').map((line) => Number(line.trim())).filter((pid) => pid > 0)) {
    try {
      process.kill(pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
}

async function main(): Promise<number> {
  if (!existsSync(resolve(projectPath, 'app.json'))) {
    log('dist/weapp has no app.json — run `npm run build:weapp` first.')
    return 1
  }
  const { appid } = JSON.parse(readFileSync(resolve(projectPath, 'project.config.json'), 'utf8')) as { appid: string }
  // A dummy key and a local project description keep miniprogram-ci from ever calling WeChat's servers.
  const project = new ci.Project({ appid, type: 'miniProgram', projectPath, privateKey: 'offline-check', ignores: ['node_modules/**/*'] })
  Object.assign(project, { attr: async () => ci.DefaultProjectAttr })
  const errors: string[] = []

  log('1/3 analysing the code graph…')
  const analysis = await ci.analyseCode(project, { silent: true })
  for (const module of analysis?.modules ?? []) {
    for (const problem of [...(module.errors ?? []), ...(module.buildError ? [module.buildError] : [])]) {
      errors.push(`${module.path}: ${problem}`)
    }
    for (const warning of module.warnings ?? []) log(`  warning ${module.path}: ${warning}`)
  }
  log(`  ${analysis?.files.length ?? 0} files, ${analysis?.modules.length ?? 0} modules analysed`)

  log('2/3 auditing code quality…')
  const quality = (await ci.checkCodeQuality(project)) as QualityItem[]
  for (const item of quality) {
    const blocking = blockingQualityChecks.has(item.name)
    // The text names the rule's failure ("JS compression is not turned on"), so it is shown only when it applies.
    log(`  ${item.success ? 'ok  ' : blocking ? 'FAIL' : 'note'} ${item.name}${item.success ? '' : `: ${item.text}`}`)
    if (!item.success && blocking) errors.push(`${item.name}: ${item.text}`)
  }

  log('3/3 compiling…')
  try {
    const compiled = await ci.getCompiledResult({ project, version: '0.0.0-check', setting: { es6: true, minify: true }, onProgressUpdate: () => undefined })
    log(`  compiled ${Object.keys(compiled).length} files`)
  } catch (failure) {
    errors.push(`compile: ${failure instanceof Error ? failure.message : String(failure)}`)
  }

  if (errors.length > 0) {
    for (const error of errors) console.error(`[check:weapp] ERROR ${error}`)
    log(`FAILED with ${errors.length} error(s).`)
    return 1
  }
  log('PASSED: the weapp build analyses, meets WeChat\'s package rules and compiles.')
  return 0
}

main()
  .catch((failure) => {
    console.error('[check:weapp] ERROR', failure)
    return 1
  })
  .then((code) => {
    stopForkedChildren()
    process.exit(code)
  })
