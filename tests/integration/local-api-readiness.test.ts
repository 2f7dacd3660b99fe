import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { apiHealthy, startLocalApi } from '../../scripts/lib/local-api'
import { freePort, stopAllChildren } from '../../scripts/lib/processes'
import { TEST_SESSION_SECRET } from '../support/constants'

jest.setTimeout(180_000)

const root = resolve(__dirname, '../..')

afterAll(() => stopAllChildren())

describe('the local API is ready only when it gives the real health answer', () => {
  it('reports a handler that does not load as a broken API, with what it answered, instead of ready', async () => {
    // serverless-offline answers HTTP 200 with HandlerNotFound for a handler that is not exported.
    const config = `serverless.broken-${process.pid}.yml`
    // Its own build folder inside the project (the bundle resolves node_modules from there), so the running API's is untouched.
    const work = `.esbuild-broken-${process.pid}`
    const yml = readFileSync(resolve(root, 'serverless.yml'), 'utf8')
    expect(yml).toContain('handler: functions/handlers/http.handler')
    writeFileSync(resolve(root, config), yml.replace('handler: functions/handlers/http.handler', 'handler: functions/handlers/http.noSuchExport'))
    try {
      const started = startLocalApi({
        port: await freePort(),
        lambdaPort: await freePort(),
        stage: 'test',
        config,
        quiet: true,
        env: { DYNAMODB_ENDPOINT: process.env.TEST_DYNAMODB_ENDPOINT!, SESSION_SECRET: TEST_SESSION_SECRET, ESBUILD_WORK_FOLDER: work },
      })
      await expect(started).rejects.toThrow(/the API \(serverless-offline\) is broken: GET \/health answered 200 .*HandlerNotFound.*not the health answer/)
    } finally {
      await stopAllChildren()
      rmSync(resolve(root, config), { force: true })
      rmSync(resolve(root, work), { recursive: true, force: true })
    }
  })

  it('takes the running test API for ready, and no other stage for it', async () => {
    await expect(apiHealthy(process.env.TEST_API_URL!, 'test')).resolves.toBe(true)
    await expect(apiHealthy(process.env.TEST_API_URL!, 'local')).rejects.toThrow(/not the health answer/)
  })
})
