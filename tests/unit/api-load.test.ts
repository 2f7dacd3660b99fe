import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

const root = resolve(__dirname, '../..')
const run = promisify(execFile)

/**
 * The API function answers its first request sooner when loading it builds no schema: an operation's
 * schemas are built when a request first reaches it. Loading the handler as Lambda does, the only
 * modules of `types/` it may bring in are the ones without a schema (lists, codes, the order's flow).
 */
describe('loading the API and back office functions', () => {
  it.each(['http', 'back-office'])('%s: brings in no module of types/ that builds a zod schema', async (handler) => {
    const script = [
      `require('./functions/handlers/${handler}')`,
      "const loaded = Object.keys(require.cache).filter((file) => file.includes('/types/') && !file.includes('node_modules'))",
      'process.stdout.write(JSON.stringify(loaded))',
    ].join(';')
    const env = {
      ...process.env,
      STAGE: 'test',
      TABLE_NAME: 'api-load-check',
      SESSION_SECRET: 'api-load-check-secret-api-load-check-secret',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
      FILES_DIR: join(root, '.api-load-check'),
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    }
    const { stdout } = await run(join(root, 'node_modules/.bin/tsx'), ['-e', script], { cwd: root, env, maxBuffer: 8 * 1024 * 1024 })
    const loaded = JSON.parse(stdout.slice(stdout.indexOf('['))) as string[]
    // The handler does read types/ (the error codes at least): an empty list would mean the check saw nothing.
    expect(loaded.length).toBeGreaterThan(0)
    const withSchemas = loaded.filter((file) => /from 'zod'/.test(readFileSync(file, 'utf8'))).map((file) => file.slice(root.length + 1))
    expect(withSchemas).toEqual([])
  }, 60_000)
})
