import { loadConfig } from '../../functions/platform/config'

const base = { TABLE_NAME: 'studio-erp-prod', SESSION_SECRET: 's'.repeat(40) }
/** What production needs besides the sign-in keys: WeChat Pay's merchant keys and the photo bucket. */
const payAndFiles = {
  WECHATPAY_APP_ID: 'wx1',
  WECHATPAY_MCH_ID: '1900000001',
  WECHATPAY_API_V3_KEY: 'k'.repeat(32),
  WECHATPAY_MERCHANT_SERIAL: 'SERIAL1',
  WECHATPAY_MERCHANT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----',
  WECHATPAY_PLATFORM_KEY_ID: 'PUB_KEY_ID_1',
  WECHATPAY_PLATFORM_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----',
  WECHATPAY_NOTIFY_URL: 'https://api.example.com/payments/wechat/notify',
  FILES_BUCKET: 'studio-photos',
}

describe('configuration', () => {
  it('uses the simulated WeChat sign-in locally and in tests', () => {
    expect(loadConfig({ ...base, STAGE: 'local' }).wechatSignIn).toEqual({ mode: 'simulated' })
    expect(loadConfig({ ...base, STAGE: 'test' }).wechatSignIn).toEqual({ mode: 'simulated' })
  })

  it('refuses to start production with the simulated WeChat sign-in', () => {
    expect(() => loadConfig({ ...base, STAGE: 'prod', WECHAT_SIGN_IN: 'simulated' })).toThrow(/Refusing to start.*simulated/)
  })

  it('refuses to start production pointed at a local database', () => {
    expect(() =>
      loadConfig({ ...base, STAGE: 'prod', WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: 'sec', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }),
    ).toThrow(/local database/)
  })

  it('needs the WeChat app id and secret from the environment in production', () => {
    expect(() => loadConfig({ ...base, STAGE: 'prod' })).toThrow(/WECHAT_APP_ID/)
    expect(loadConfig({ ...base, ...payAndFiles, STAGE: 'prod', WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: 'sec' }).wechatSignIn).toEqual({
      mode: 'wechat',
      appId: 'wx1',
      appSecret: 'sec',
    })
  })

  it('pays through the simulator and keeps photos in a local folder only locally and in tests', () => {
    const local = loadConfig({ ...base, STAGE: 'local' })
    expect(local.payments.mode).toBe('simulated')
    expect(local.files.mode).toBe('local')
    const prod = loadConfig({ ...base, ...payAndFiles, STAGE: 'prod', WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: 'sec' })
    expect(prod.payments).toMatchObject({ mode: 'wechat', mchId: '1900000001', baseUrl: 'https://api.mch.weixin.qq.com' })
    expect(prod.files).toEqual({ mode: 's3', bucket: 'studio-photos', region: 'ap-east-1' })
  })

  it('refuses the payment simulator or a local photo folder in production, and half-configured WeChat Pay', () => {
    const prod = { ...base, ...payAndFiles, STAGE: 'prod', WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: 'sec' }
    expect(() => loadConfig({ ...prod, PAY_PROVIDER: 'simulated' })).toThrow(/simulated WeChat Pay cannot run/)
    expect(() => loadConfig({ ...prod, FILE_STORE: 'local' })).toThrow(/local file store/)
    expect(() => loadConfig({ ...prod, WECHATPAY_PLATFORM_PUBLIC_KEY: '' })).toThrow(/WECHATPAY_PLATFORM_PUBLIC_KEY is not set/)
    expect(() => loadConfig({ ...prod, WECHATPAY_API_V3_KEY: 'short' })).toThrow(/32 characters/)
    expect(() => loadConfig({ ...base, STAGE: 'local', WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: 'sec', PAY_PROVIDER: 'simulated', AWS_LAMBDA_FUNCTION_NAME: 'studio-erp-local-api' })).toThrow(/simulated WeChat Pay.*cloud/)
  })

  it('refuses to guess the stage', () => {
    expect(() => loadConfig({ ...base })).toThrow(/STAGE is not set/)
  })

  it('refuses the simulated sign-in on real Lambda or in WeChat’s cloud, whatever the stage is called', () => {
    expect(() => loadConfig({ ...base, STAGE: 'local', WECHAT_SIGN_IN: 'simulated', AWS_LAMBDA_FUNCTION_NAME: 'studio-erp-local-api' })).toThrow(/simulated.*in the cloud/)
    expect(() => loadConfig({ ...base, STAGE: 'test', WECHAT_SIGN_IN: 'simulated', TENCENTCLOUD_RUNENV: 'SCF' })).toThrow(/simulated.*in the cloud/)
    expect(loadConfig({ ...base, STAGE: 'local', AWS_LAMBDA_FUNCTION_NAME: 'x', IS_OFFLINE: 'true' }).wechatSignIn).toEqual({ mode: 'simulated' })
  })

  it('refuses a missing or short session secret', () => {
    expect(() => loadConfig({ TABLE_NAME: 't', STAGE: 'local' })).toThrow(/SESSION_SECRET/)
    expect(() => loadConfig({ TABLE_NAME: 't', STAGE: 'local', SESSION_SECRET: 'short' })).toThrow(/32 characters/)
  })

  it('stops the HTTP function at cold start when production is configured with a simulated adapter', () => {
    const saved = { ...process.env }
    Object.assign(process.env, { ...base, STAGE: 'prod', WECHAT_SIGN_IN: 'simulated' })
    try {
      jest.isolateModules(() => {
        expect(() => require('../../functions/handlers/http')).toThrow(/Refusing to start/)
      })
    } finally {
      process.env = saved
    }
  })
})
