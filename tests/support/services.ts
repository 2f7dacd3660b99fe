import { existsSync } from 'node:fs'
import type { Server } from 'node:http'
import { resolve } from 'node:path'
import { ensureTable } from '../../functions/store/admin'
import { startDynamoLocal, type LocalDynamo } from '../../scripts/lib/dynamodb-local'
import { startH5Server } from '../../scripts/lib/h5-server'
import { startLocalApi } from '../../scripts/lib/local-api'
import { freePort, stopAllChildren } from '../../scripts/lib/processes'
import { TEST_SESSION_SECRET, TEST_TABLE } from './constants'

let dynamo: LocalDynamo | undefined
let appServer: Server | undefined

/**
 * Starts what the tests talk to, once per run: DynamoDB Local in memory, the API through
 * serverless-offline on the real serverless.yml (stage "test"), and the H5 build behind
 * the same kind of server `npm start` uses. Their addresses reach the test files as
 * environment variables.
 */
export async function startTestServices() {
  if (process.env.TEST_SCOPE === 'unit') return
  const log = (text: string) => process.stdout.write(`[test services] ${text}\n`)
  dynamo = await startDynamoLocal({ port: await freePort() })
  process.env.TEST_DYNAMODB_ENDPOINT = dynamo.endpoint
  await ensureTable(dynamo.client, TEST_TABLE)
  log(`DynamoDB Local at ${dynamo.endpoint}`)

  const api = await startLocalApi({
    port: await freePort(),
    lambdaPort: await freePort(),
    stage: 'test',
    env: { DYNAMODB_ENDPOINT: dynamo.endpoint, SESSION_SECRET: TEST_SESSION_SECRET },
    quiet: !process.env.TEST_API_LOGS,
  })
  process.env.TEST_API_URL = api.url
  log(`API (serverless-offline) at ${api.url}`)

  const h5 = resolve(__dirname, '../../dist/h5')
  if (existsSync(resolve(h5, 'index.html'))) {
    const port = await freePort()
    appServer = await startH5Server({ root: h5, port, apiUrl: api.url })
    process.env.TEST_APP_URL = `http://127.0.0.1:${port}`
    log(`H5 app at ${process.env.TEST_APP_URL}`)
  }
}

export async function stopTestServices() {
  appServer?.close()
  await stopAllChildren()
  await dynamo?.stop()
}
