import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { BACK_OFFICE_OPERATIONS, IMPORT_EXPORT_OPERATIONS } from '../../functions/api/functions-served'
import { findOperation } from '../../functions/api/dispatch'
import { quietServerlessEnv } from '../../scripts/lib/processes'

jest.setTimeout(300_000)

const root = resolve(__dirname, '../..')
/** Made-up secrets in the packaging environment: none of them may reach the template. */
const SECRETS_IN_ENV = {
  SESSION_SECRET: 'packaging-env-session-secret-0123456789',
  WECHAT_APP_SECRET: 'packaging-env-wechat-app-secret',
  WECHATPAY_API_V3_KEY: 'packagingenvapiv3key0123456789ab',
  WECHATPAY_MERCHANT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----packaging-env',
  WECHATPAY_PLATFORM_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----packaging-env',
  FILES_SECRET: 'packaging-env-files-secret-0123456789',
}
const FUNCTIONS = ['Api', 'BackOffice', 'ImportsExports', 'ReleaseHolds', 'SendReminders', 'SweepReportCounters']

type Statement = { Effect: string; Action: string[]; Resource: unknown }

/** `npm run package`'s template, made offline in a folder of its own, with secrets in the environment. */
function packageOffline() {
  const dir = mkdtempSync(join(tmpdir(), 'studio-erp-package-'))
  execFileSync(resolve(root, 'node_modules/.bin/osls'), ['package', '--stage', 'prod', '--package', join(dir, 'out')], {
    cwd: root,
    env: { ...process.env, ...quietServerlessEnv, ...SECRETS_IN_ENV, ESBUILD_WORK_FOLDER: relative(root, join(dir, 'work')) },
    stdio: 'pipe',
  })
  const text = readFileSync(join(dir, 'out', 'cloudformation-template-update-stack.json'), 'utf8')
  return { dir, text, template: JSON.parse(text) as { Resources: Record<string, { Type: string; Properties: any; DeletionPolicy?: string }> } }
}

describe('the production CloudFormation template (osls package, offline)', () => {
  const { dir, text, template } = packageOffline()
  const resources = template.Resources
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type)
  const statementsOf = (fn: string): Statement[] => resources[`${fn}IamRoleLambdaExecution`]!.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('holds no secret, and tells the functions where to read them instead', () => {
    for (const value of Object.values(SECRETS_IN_ENV)) expect(text).not.toContain(value)
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      const variables = fn.Properties.Environment.Variables
      for (const name of Object.keys(SECRETS_IN_ENV)) expect(variables).not.toHaveProperty(name)
      expect(variables.SECRETS_PATH).toBe('/studio-erp/prod/')
    }
  })

  it('gives each function a role of its own that reads exactly the five secret parameters', () => {
    const roles = FUNCTIONS.map((fn) => resources[`${fn}LambdaFunction`]!.Properties.Role['Fn::GetAtt'][0])
    expect(roles).toEqual(FUNCTIONS.map((fn) => `${fn}IamRoleLambdaExecution`))
    for (const fn of FUNCTIONS) {
      const ssm = statementsOf(fn).filter((s) => s.Action.some((a) => a.startsWith('ssm:')))
      expect(ssm).toHaveLength(1)
      expect(ssm[0]!.Action.sort()).toEqual(['ssm:GetParameter', 'ssm:GetParameters'])
      const names = (ssm[0]!.Resource as any[]).map((r) => (r['Fn::Join'][1] as unknown[]).at(-1))
      expect(names).toEqual([
        ':parameter/studio-erp/prod/session-secret',
        ':parameter/studio-erp/prod/wechat-app-secret',
        ':parameter/studio-erp/prod/wechatpay-api-v3-key',
        ':parameter/studio-erp/prod/wechatpay-merchant-private-key',
        ':parameter/studio-erp/prod/wechatpay-platform-public-key',
      ])
    }
  })

  it('grants least privilege: the table item by item (never Scan), the photos bucket to the API, its receipts to the back office, "*" only for X-Ray', () => {
    for (const fn of FUNCTIONS) {
      const statements = statementsOf(fn)
      const actions = statements.flatMap((s) => s.Action)
      expect(actions.filter((a) => a.endsWith('*') || a === 'dynamodb:Scan')).toEqual([])
      for (const s of statements.filter((s) => s.Resource === '*' || (Array.isArray(s.Resource) && s.Resource.includes('*')))) {
        expect(s.Action.every((a) => a.startsWith('xray:'))).toBe(true)
      }
      expect(actions.some((a) => a.startsWith('s3:'))).toBe(fn === 'Api' || fn === 'BackOffice')
    }
    const s3Of = (fn: string) => JSON.stringify(statementsOf(fn).filter((s) => s.Action.some((a) => a.startsWith('s3:'))).map((s) => s.Resource))
    expect(s3Of('Api')).toContain('"/*"')
    expect(s3Of('BackOffice')).toContain('"/studios/*/receipts/*"')
    expect(s3Of('BackOffice')).not.toContain('"/*"')
  })

  it('sweeps the report counters once a day, with only the reads and updates the sweep makes', () => {
    const rule = ofType('AWS::Events::Rule').find(([, r]) => JSON.stringify(r.Properties.Targets).includes('SweepReportCountersLambdaFunction'))
    expect(rule?.[1].Properties.ScheduleExpression).toBe('cron(30 19 * * ? *)')
    const table = statementsOf('SweepReportCounters').filter((s) => s.Action.some((a) => a.startsWith('dynamodb:')))
    expect(table.flatMap((s) => s.Action).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'])
  })

  it('alarms on every function’s errors and throttles and on failed WeChat Pay notifications', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([name]) => name)
    for (const fn of FUNCTIONS) expect(alarms).toEqual(expect.arrayContaining([`${fn}FunctionErrorsAlarm`, `${fn}FunctionThrottlesAlarm`]))
    expect(alarms).toContain('ApiPayNotificationFailuresAlarm')
    const filter = ofType('AWS::Logs::MetricFilter').find(([name]) => name.startsWith('ApiLambdaFunctionPayNotificationFailures'))![1]
    expect(filter.Properties.FilterPattern).toContain('payment notification failed')
    expect(filter.Properties.LogGroupName).toBe('/aws/lambda/studio-erp-prod-api')
    for (const [, alarm] of ofType('AWS::CloudWatch::Alarm')) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: 'AwsAlertsAlarm' }])
  })

  it('keeps logs for 30 days, traces every function, and protects the table from deletion', () => {
    for (const [, group] of ofType('AWS::Logs::LogGroup')) expect(group.Properties.RetentionInDays).toBe(30)
    for (const fn of FUNCTIONS) expect(resources[`${fn}LambdaFunction`]!.Properties.TracingConfig).toEqual({ Mode: 'Active' })
    const table = resources.StudioTable!
    expect(table.Properties.DeletionProtectionEnabled).toBe(true)
    expect(table.DeletionPolicy).toBe('Retain')
    expect(table.Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled).toBe(true)
  })

  it('routes exactly the back office, and the CSV imports and exports with the OpenAPI document, to their own functions, everything else to the API', () => {
    const routesTo = (fn: string) =>
      ofType('AWS::ApiGatewayV2::Route')
        .filter(([, route]) => JSON.stringify(route.Properties.Target).includes(`"HttpApiIntegration${fn}"`))
        .map(([, route]) => route.Properties.RouteKey as string)
        .sort()
    const ownPaths = [...IMPORT_EXPORT_OPERATIONS.map((name) => findOperation(name)!), { method: 'GET', path: '/openapi.json' }]
    expect(routesTo('ImportsExports')).toEqual(ownPaths.flatMap(({ method, path }) => [`${method} ${path}`, `${method} /api${path}`]).sort())
    const backOffice = BACK_OFFICE_OPERATIONS.map((name) => findOperation(name)!)
    expect(routesTo('BackOffice')).toEqual(backOffice.flatMap(({ method, path }) => [`${method} ${path}`, `${method} /api${path}`]).sort())
    expect(routesTo('Api')).toEqual(['$default'])
  })

  it('ships minified bundles without the AWS SDK, which the Lambda runtime provides', () => {
    for (const name of ['api', 'backOffice', 'importsExports', 'releaseHolds', 'sendReminders', 'sweepReportCounters']) {
      const zip = join(dir, 'out', `${name}.zip`)
      expect(existsSync(zip)).toBe(true)
      // The largest, the exports' function, was 141 KB zipped (398 KB unzipped) when this was last tightened.
      expect(statSync(zip).size).toBeLessThan(150 * 1024)
      const listing = execFileSync('unzip', ['-l', zip], { encoding: 'utf8' })
      expect(listing).not.toMatch(/node_modules|\.map\b/)
      const source = execFileSync('unzip', ['-p', zip], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 })
      expect(source).toMatch(/require\("@aws-sdk\/client-dynamodb"\)/)
      expect(source).not.toContain('iconv-lite')
      // Built for AWS (serverless.yml's define): no WeChat simulator, no local or CloudBase file store.
      for (const onlyFromSource of ['WeChat Pay is SIMULATED', 'The simulated WeChat sign-in takes codes', 'Refusing the file key', 'CloudBase has no link']) {
        expect(source).not.toContain(onlyFromSource)
      }
      // Only the exports' function writes CSV.
      if (name !== 'importsExports') expect(source).not.toContain('CSV_OPTION_DELIMITER_INVALID_TYPE')
    }
  })
})
