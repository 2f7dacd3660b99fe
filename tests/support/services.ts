import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ensureTable } from '../../functions/store/admin'
import { startDynamoLocal, type LocalDynamo } from '../../scripts/lib/dynamodb-local'
import { startFileServer, type FileServer } from '../../scripts/lib/file-server'
import { startH5Server } from '../../scripts/lib/h5-server'
import { startLocalApi } from '../../scripts/lib/local-api'
import { freePort, stopAllChildren } from '../../scripts/lib/processes'
import { TEST_SESSION_SECRET, TEST_TABLE } from './constants'
import { generateWeChatPayKeys, weChatPayEnv } from './wechat-pay'

let dynamo: LocalDynamo | undefined
let appServer: Server | undefined
let fileServer: FileServer | undefined

/**
 * Starts what the tests talk to, once per run: DynamoDB Local in memory, the local file
 * server on a temporary folder, the API through serverless-offline on the real
 * serverless.yml (stage "test"), and the H5 build behind the same kind of server
 * `npm start` uses. Their addresses reach the test files as environment variables.
 */
export async function startTestServices() {
  if (process.env.TEST_SCOPE === 'unit') return
  const log = (text: string) => process.stdout.write(`[test services] ${text}\n`)
  dynamo = await startDynamoLocal({ port: await freePort() })
  process.env.TEST_DYNAMODB_ENDPOINT = dynamo.endpoint
  await ensureTable(dynamo.client, TEST_TABLE)
  log(`DynamoDB Local at ${dynamo.endpoint}`)

  const filesDir = await mkdtemp(join(tmpdir(), 'studio-erp-test-files-'))
  const filesSecret = `${TEST_SESSION_SECRET}#files`
  fileServer = await startFileServer({ dir: filesDir, secret: filesSecret, port: 0 })
  Object.assign(process.env, { TEST_FILES_URL: fileServer.url, TEST_FILES_DIR: filesDir, TEST_FILES_SECRET: filesSecret })
  log(`File server at ${fileServer.url} (files in ${filesDir})`)

  // The tests act as WeChat Pay: they hold the platform private key the API verifies notifications with.
  const payKeys = generateWeChatPayKeys()
  process.env.TEST_WECHATPAY_KEYS = JSON.stringify(payKeys)

  const api = await startLocalApi({
    port: await freePort(),
    lambdaPort: await freePort(),
    stage: 'test',
    env: {
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SESSION_SECRET: TEST_SESSION_SECRET,
      FILES_DIR: filesDir,
      FILES_BASE_URL: fileServer.url,
      FILES_SECRET: filesSecret,
      // Every HTTP test signs in from 127.0.0.1: one address's window would be shared by every test file.
      // The standard per-address limit is proved with distinct addresses in tests/integration/identity.test.ts.
      SIGN_IN_SOURCE_ATTEMPTS: '100000',
      ...weChatPayEnv(payKeys, 'simulated'),
    },
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
  await fileServer?.close()
  if (process.env.TEST_FILES_DIR) await rm(process.env.TEST_FILES_DIR, { recursive: true, force: true })
  await dynamo?.stop()
}
