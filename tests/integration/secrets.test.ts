/**
 * The read path of the secrets, against a SIMULATED SSM Parameter Store: a local HTTP server
 * started by this test that speaks the GetParameters JSON protocol (X-Amz-Target
 * AmazonSSM.GetParameters). It checks our wiring — the names asked for, the decryption flag,
 * the cache, and what a missing secret does — not AWS itself.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { appAtColdStart } from '../../functions/handlers/cold-start'
import { SECRET_PARAMETERS, withSecrets } from '../../functions/platform/secrets'

interface SsmRequest {
  target: string
  names: string[]
  withDecryption: boolean
}

const requests: SsmRequest[] = []
/** While set, the simulated Parameter Store answers as a throttled one does. */
let throttled = false
/** What the simulated Parameter Store holds, by full parameter name. */
const stored = new Map<string, string>()
let server: Server
let endpoint: string

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const input = JSON.parse(body || '{}') as { Names?: string[]; WithDecryption?: boolean }
      const target = String(req.headers['x-amz-target'])
      requests.push({ target, names: input.Names ?? [], withDecryption: input.WithDecryption === true })
      res.setHeader('content-type', 'application/x-amz-json-1.1')
      if (throttled) {
        res.statusCode = 400
        return res.end(JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }))
      }
      if (target !== 'AmazonSSM.GetParameters') {
        res.statusCode = 400
        return res.end(JSON.stringify({ __type: 'InvalidAction', message: `simulated SSM answers GetParameters only, not ${target}` }))
      }
      const names = input.Names ?? []
      res.end(
        JSON.stringify({
          Parameters: names.filter((n) => stored.has(n)).map((n) => ({ Name: n, Type: 'SecureString', Value: stored.get(n), Version: 1, ARN: `arn:aws:ssm:ap-east-1:000000000000:parameter${n}` })),
          InvalidParameters: names.filter((n) => !stored.has(n)),
        }),
      )
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // The SDK's own per-service endpoint setting: the SSM client Powertools makes goes to the simulation.
  Object.assign(process.env, { AWS_ENDPOINT_URL_SSM: endpoint, AWS_REGION: 'ap-east-1', AWS_ACCESS_KEY_ID: 'simulated', AWS_SECRET_ACCESS_KEY: 'simulated' })
})

afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL_SSM
  await new Promise((done) => server.close(done))
})

/** A stage's five secrets stored under its path. */
function storeSecrets(path: string, except: string[] = []) {
  const values: Record<string, string> = {}
  for (const [variable, parameter] of Object.entries(SECRET_PARAMETERS)) {
    if (except.includes(variable)) continue
    values[variable] = `${variable.toLowerCase()}-value-for-${path}-padded-to-be-long-enough`
    stored.set(`${path}${parameter}`, values[variable]!)
  }
  return values
}

describe('secrets read at cold start from SSM Parameter Store (simulated)', () => {
  it('asks for the five parameters under the stage’s path, decrypted, and puts each under its variable', async () => {
    const path = '/studio-erp/alpha/'
    const values = storeSecrets(path)
    requests.length = 0
    const env = await withSecrets({ SECRETS_PATH: path, STAGE: 'alpha', SESSION_SECRET: 'from-the-environment-is-overridden' })
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({ target: 'AmazonSSM.GetParameters', withDecryption: true })
    expect(requests[0]!.names.sort()).toEqual(Object.values(SECRET_PARAMETERS).map((p) => `${path}${p}`).sort())
    for (const [variable, value] of Object.entries(values)) expect(env[variable]).toBe(value)
    expect(env.STAGE).toBe('alpha')
  })

  it('reads them once and serves them from the cache after that', async () => {
    const path = '/studio-erp/beta/'
    storeSecrets(path)
    requests.length = 0
    const first = await withSecrets({ SECRETS_PATH: path })
    stored.set(`${path}session-secret`, 'changed-in-ssm-meanwhile-changed-in-ssm-meanwhile')
    const second = await withSecrets({ SECRETS_PATH: path })
    expect(requests).toHaveLength(1)
    expect(second.SESSION_SECRET).toBe(first.SESSION_SECRET)
  })

  it('leaves a missing secret unset, so the cold start fails naming it', async () => {
    const path = '/studio-erp/gamma/'
    storeSecrets(path, ['SESSION_SECRET'])
    const env = await withSecrets({ SECRETS_PATH: path })
    expect(env.SESSION_SECRET).toBeUndefined()
    expect(env.WECHAT_APP_SECRET).toBeDefined()
    await expect(appAtColdStart({ SECRETS_PATH: path, STAGE: 'gamma', TABLE_NAME: 'studio-erp-gamma' })()).rejects.toThrow(/SESSION_SECRET/)
  })

  it('answers a cold start SSM does not serve (throttled) with UPSTREAM_UNAVAILABLE, and reads again on the next invocation', async () => {
    const path = '/studio-erp/delta/'
    storeSecrets(path, ['SESSION_SECRET'])
    process.env.AWS_MAX_ATTEMPTS = '1'
    try {
      throttled = true
      requests.length = 0
      const ready = appAtColdStart({ SECRETS_PATH: path, STAGE: 'delta', TABLE_NAME: 'studio-erp-delta' })
      await expect(ready()).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503, details: { retryAfterSeconds: 5 } })
      throttled = false
      // The next invocation asks SSM again and gets as far as the configuration check.
      await expect(ready()).rejects.toThrow(/SESSION_SECRET/)
      expect(requests.length).toBeGreaterThanOrEqual(2)
      const asked = requests.length
      // A bad configuration is not retried: it fails every invocation alike.
      await expect(ready()).rejects.toThrow(/SESSION_SECRET/)
      expect(requests).toHaveLength(asked)
    } finally {
      throttled = false
      delete process.env.AWS_MAX_ATTEMPTS
    }
  })

  it('reads nothing from SSM where no path is set (local and test stages keep their environment)', async () => {
    requests.length = 0
    const env = { STAGE: 'local', SESSION_SECRET: 'local-secret' }
    expect(await withSecrets(env)).toBe(env)
    expect(requests).toHaveLength(0)
  })
})
