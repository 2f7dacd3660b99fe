import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { maskPersonalData } from '../../functions/platform/logger'
import { TEST_PASSWORD, TEST_SESSION_SECRET } from '../support/constants'
import { isolatedTable, newStudio } from '../support/studio'

type Handler = (event: APIGatewayProxyEventV2, context?: { awsRequestId: string }) => Promise<{ statusCode?: number; body?: string }>

const event = (method: string, path: string, body?: unknown, token?: string) =>
  ({
    rawPath: path,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    isBase64Encoded: false,
    requestContext: { http: { method, sourceIp: '127.0.0.1' } },
  }) as unknown as APIGatewayProxyEventV2

describe('logs and metrics of the API function', () => {
  let handler: Handler
  let studio: Awaited<ReturnType<typeof newStudio>>
  let lines: Record<string, any>[]
  const saved = { ...process.env }
  const write = process.stdout.write.bind(process.stdout)

  beforeAll(async () => {
    const { tableName, deps } = await isolatedTable()
    studio = await newStudio(deps)
    Object.assign(process.env, { STAGE: 'test', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: process.env.TEST_DYNAMODB_ENDPOINT, SESSION_SECRET: TEST_SESSION_SECRET, POWERTOOLS_LOG_LEVEL: 'INFO' })
    jest.isolateModules(() => {
      handler = require('../../functions/handlers/http').handler
    })
  })
  beforeEach(() => {
    lines = []
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: any) => {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        try {
          lines.push(JSON.parse(line))
        } catch {
          write(chunk)
        }
      }
      return true
    })
  })
  afterEach(() => jest.restoreAllMocks())
  afterAll(() => {
    process.env = saved
  })

  const signIn = async () => {
    const answer = await handler(event('POST', '/auth/staff/sign-in', { studioCode: studio.code, username: 'reception', password: TEST_PASSWORD }), { awsRequestId: 'req-sign-in' })
    return JSON.parse(answer.body!).token as string
  }

  it('names the request, the operation and the studio on its log line, and masks phone numbers and names', async () => {
    const token = await signIn()
    lines = []
    const answer = await handler(event('POST', '/customers', { name: '张三丰', phone: '13812345678' }, token), { awsRequestId: 'req-create-customer' })
    expect(answer.statusCode).toBe(200)
    const done = lines.find((l) => l.message === 'operation done')
    expect(done).toMatchObject({ requestId: 'req-create-customer', operation: 'customers.create', studio: studio.studio.id, level: 'INFO' })
    expect(JSON.stringify(lines)).not.toContain('13812345678')
  })

  it('counts errors by code as CloudWatch embedded metrics', async () => {
    const token = await signIn()
    lines = []
    const answer = await handler(event('POST', '/customers', { name: '' }, token), { awsRequestId: 'req-bad' })
    expect(answer.statusCode).toBe(400)
    const emf = lines.find((l) => l._aws && l.Errors !== undefined)
    expect(emf).toMatchObject({ code: 'VALIDATION_FAILED', Errors: 1, service: 'studio-erp' })
    expect(emf!._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'StudioErp', Dimensions: [expect.arrayContaining(['code'])] })
    expect(lines.find((l) => l.message === 'operation refused')).toMatchObject({ requestId: 'req-bad', operation: 'customers.create', code: 'VALIDATION_FAILED' })
  })

  it('masks phone numbers, names and openids wherever a field holds them', () => {
    expect(maskPersonalData('phone', '13812345678')).toBe('138****5678')
    expect(maskPersonalData('name', '张三丰')).toBe('张**')
    expect(maskPersonalData('openId', 'oAbCdEfGhIjKlMnOp')).toBe('oAbC…')
    expect(maskPersonalData('status', 'active')).toBe('active')
  })
})
