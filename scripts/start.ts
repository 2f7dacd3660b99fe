/**
 * `npm start`: the whole studio on this machine — DynamoDB Local with its data under
 * .data/, the file server for photos (in .data/files), the API through serverless-offline,
 * the H5 app — then the demo logins.
 * Ctrl-C stops every process it started.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { demoPassword, demoStaff, DEMO_STUDIO_CODE } from './lib/demo-studio'
import { startDynamoLocal } from './lib/dynamodb-local'
import { startFileServer, type FileServer } from './lib/file-server'
import { startH5Server } from './lib/h5-server'
import { startLocalApi } from './lib/local-api'
import { localSessionSecret, prepareTable } from './lib/local-studio'
import { assertPortFree, startChild, stopAllChildren } from './lib/processes'

const root = resolve(__dirname, '..')
const env = process.env
const ports = {
  dynamo: Number(env.DYNAMODB_PORT ?? 8000),
  api: Number(env.API_PORT ?? 3000),
  lambda: Number(env.API_LAMBDA_PORT ?? 3003),
  files: Number(env.FILES_PORT ?? 3002),
  app: Number(env.APP_PORT ?? 10086),
}
const dataDir = resolve(root, '.data')
const tableName = 'studio-erp-local'
const started = Date.now()
const step = (text: string) => console.log(`\n▶ ${text}  (+${((Date.now() - started) / 1000).toFixed(1)}s)`)

let stopping = false
let files: FileServer | undefined
async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  console.log('\nStopping the local studio…')
  await Promise.all([stopAllChildren(), files?.close()])
  console.log('Stopped. Data is kept in .data/.')
  process.exit(code)
}
process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))

async function buildApp() {
  if (env.SKIP_H5_BUILD === '1' && existsSync(resolve(root, 'dist/h5/index.html'))) {
    console.log('SKIP_H5_BUILD=1: serving the existing dist/h5')
    return
  }
  const build = startChild(resolve(root, 'node_modules/.bin/taro'), ['build', '--type', 'h5'], {
    cwd: root,
    label: 'app build',
    env: { ...env, NODE_ENV: 'production' },
  })
  const code = await new Promise<number | null>((done) => build.on('exit', done))
  if (code !== 0) throw new Error(`The H5 build failed (exit ${code})`)
}

async function main() {
  await assertPortFree(ports.dynamo, 'DynamoDB Local (DYNAMODB_PORT)')
  await assertPortFree(ports.api, 'the API (API_PORT)')
  await assertPortFree(ports.lambda, 'the API’s Lambda endpoint (API_LAMBDA_PORT)')
  await assertPortFree(ports.files, 'the file server (FILES_PORT)')
  await assertPortFree(ports.app, 'the app (APP_PORT)')
  // The H5 build takes the longest: it runs while the table is seeded (months of demo history on a first start).
  step('Building the H5 app (taro build --type h5)')
  const built = buildApp()
  built.catch(() => {})
  step(`Starting DynamoDB Local on 127.0.0.1:${ports.dynamo} (data in .data/dynamodb)`)
  const dynamo = await startDynamoLocal({ port: ports.dynamo, dataDir: resolve(dataDir, 'dynamodb') })
  const sessionSecret = localSessionSecret(dataDir)
  const filesDir = resolve(dataDir, 'files')
  await prepareTable(dynamo, tableName, sessionSecret, filesDir)

  step(`Starting the file server on 127.0.0.1:${ports.files} (photos in .data/files)`)
  const filesSecret = `${sessionSecret}#files`
  files = await startFileServer({ dir: filesDir, secret: filesSecret, port: ports.files })

  step(`Starting the API (serverless-offline, serverless.yml) on 127.0.0.1:${ports.api}`)
  const [api] = await Promise.all([
    startLocalApi({
      port: ports.api,
      lambdaPort: ports.lambda,
      stage: 'local',
      env: {
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        SESSION_SECRET: sessionSecret,
        FILES_DIR: filesDir,
        FILES_BASE_URL: files.url,
        FILES_SECRET: filesSecret,
      },
    }),
    built,
  ])

  step(`Serving the app on 127.0.0.1:${ports.app}`)
  await startH5Server({ root: resolve(root, 'dist/h5'), port: ports.app, apiUrl: api.url })

  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`
══════════════════════════════════════════════════════════════
 Studio ERP is running locally (ready in ${seconds}s)

   App (H5):  http://127.0.0.1:${ports.app}
   API:       ${api.url}   (OpenAPI: ${api.url}/openapi.json)
   DynamoDB:  ${dynamo.endpoint}   (data in .data/)
   Files:     ${files.url}   (photos in .data/files)

 Demo studio code: ${DEMO_STUDIO_CODE}     password for every account: ${demoPassword()}
${demoStaff.map((s) => `   ${s.username.padEnd(14)} ${s.roles.join(', ').padEnd(13)} ${s.displayName}`).join('\n')}
   Customers: "开发环境模拟微信登录" on the sign-in page (simulated WeChat sign-in)

 Ctrl-C stops everything.
══════════════════════════════════════════════════════════════`)
}

main().catch(async (error) => {
  console.error(`\n✖ ${(error as Error).message}`)
  await shutdown(1)
})
