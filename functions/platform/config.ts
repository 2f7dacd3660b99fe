/** Stages where simulated WeChat services may run. Anything else is a real deployment. */
export const SIMULATION_STAGES = ['local', 'test'] as const

export interface Config {
  stage: string
  tableName: string
  dynamoEndpoint?: string
  sessionSecret: string
  wechatSignIn: { mode: 'simulated' } | { mode: 'wechat'; appId: string; appSecret: string }
  /** The subscription-message templates (WeChat mode): the day-before reminder and the order's three notices. */
  messageTemplates: { 'shoot-reminder'?: string; 'photos-ready'?: string; 'design-ready'?: string; 'pickup-ready'?: string }
  payments: PaymentsConfig
  files: FilesConfig
  /**
   * Sign-in attempts one source address takes per window, when not the standard 20 — only on a
   * local stage, where every caller (the tests' HTTP requests, a demo's browsers) is 127.0.0.1.
   */
  signInSourceAttempts?: number
}

/** WeChat Pay v3 merchant settings, in the platform public-key mode. */
export interface WeChatPayKeys {
  appId: string
  mchId: string
  /** APIv3 key: 32 characters, decrypts notification resources. */
  apiV3Key: string
  /** The merchant API certificate's serial number and its private key (PEM): signs requests and requestPayment. */
  merchantSerial: string
  merchantPrivateKey: string
  /** WeChat Pay's public key id (PUB_KEY_ID_…) and the key (PEM): verifies responses and notifications. */
  platformKeyId: string
  platformPublicKey: string
  notifyUrl: string
}

export type PaymentsConfig =
  | ({ mode: 'wechat'; baseUrl: string } & WeChatPayKeys)
  /** The simulator signs as WeChat Pay with its own private key; keys are generated when not given. */
  | ({ mode: 'simulated'; platformPrivateKey?: string } & Partial<WeChatPayKeys>)

export type FilesConfig =
  | { mode: 's3'; bucket: string; region: string }
  | { mode: 'cloudbase'; env: string }
  /** A local folder served by the local file server with signed links. */
  | { mode: 'local'; dir: string; baseUrl: string; secret: string }

export class ConfigError extends Error {
  constructor(message: string) {
    super(`Refusing to start: ${message}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

function required(env: Env, name: string): string {
  const value = env[name]
  if (!value) throw new ConfigError(`${name} is not set`)
  return value
}

/** Reads and checks the environment once, at cold start. Secrets come only from here. */
export function loadConfig(env: Env = process.env): Config {
  const stage = required(env, 'STAGE')
  // On real Lambda or in WeChat's cloud nothing is simulated, whatever the stage is called.
  const inTheCloud = (Boolean(env.AWS_LAMBDA_FUNCTION_NAME) && env.IS_OFFLINE !== 'true') || env.TENCENTCLOUD_RUNENV === 'SCF'
  const localStage = (SIMULATION_STAGES as readonly string[]).includes(stage)
  const simulationAllowed = localStage && !inTheCloud
  const sessionSecret = required(env, 'SESSION_SECRET')
  if (sessionSecret.length < 32) throw new ConfigError('SESSION_SECRET must be at least 32 characters')

  const signInMode = env.WECHAT_SIGN_IN ?? (simulationAllowed ? 'simulated' : 'wechat')
  if (signInMode !== 'simulated' && signInMode !== 'wechat') throw new ConfigError(`WECHAT_SIGN_IN=${signInMode} is not a mode`)
  if (signInMode === 'simulated' && !simulationAllowed) {
    throw new ConfigError(`the simulated WeChat sign-in cannot run in stage "${stage}"${inTheCloud ? ' in the cloud' : ''}`)
  }
  const dynamoEndpoint = env.DYNAMODB_ENDPOINT || undefined
  if (dynamoEndpoint && !localStage) throw new ConfigError(`DYNAMODB_ENDPOINT points stage "${stage}" at a local database`)

  const wechatSignIn: Config['wechatSignIn'] =
    signInMode === 'simulated' ? { mode: 'simulated' } : { mode: 'wechat', appId: required(env, 'WECHAT_APP_ID'), appSecret: required(env, 'WECHAT_APP_SECRET') }

  const payMode = env.PAY_PROVIDER ?? (simulationAllowed ? 'simulated' : 'wechat')
  if (payMode !== 'simulated' && payMode !== 'wechat') throw new ConfigError(`PAY_PROVIDER=${payMode} is not a provider`)
  if (payMode === 'simulated' && !simulationAllowed) {
    throw new ConfigError(`the simulated WeChat Pay cannot run in stage "${stage}"${inTheCloud ? ' in the cloud' : ''}`)
  }
  const optional = (name: string) => env[name] || undefined
  const payKeys = (get: (name: string) => string | undefined) => ({
    appId: get('WECHATPAY_APP_ID'),
    mchId: get('WECHATPAY_MCH_ID'),
    apiV3Key: get('WECHATPAY_API_V3_KEY'),
    merchantSerial: get('WECHATPAY_MERCHANT_SERIAL'),
    merchantPrivateKey: get('WECHATPAY_MERCHANT_PRIVATE_KEY'),
    platformKeyId: get('WECHATPAY_PLATFORM_KEY_ID'),
    platformPublicKey: get('WECHATPAY_PLATFORM_PUBLIC_KEY'),
    notifyUrl: get('WECHATPAY_NOTIFY_URL'),
  })
  let payments: PaymentsConfig
  if (payMode === 'wechat') {
    const keys = payKeys((name) => required(env, name)) as WeChatPayKeys
    if (keys.apiV3Key.length !== 32) throw new ConfigError('WECHATPAY_API_V3_KEY must be 32 characters')
    payments = { mode: 'wechat', baseUrl: env.WECHATPAY_BASE_URL || 'https://api.mch.weixin.qq.com', ...keys }
  } else {
    payments = { mode: 'simulated', ...payKeys(optional), platformPrivateKey: optional('WECHATPAY_SIMULATOR_PLATFORM_PRIVATE_KEY') }
  }

  const filesMode = env.FILE_STORE ?? (localStage ? 'local' : 's3')
  let files: FilesConfig
  if (filesMode === 'local') {
    if (!localStage) throw new ConfigError(`the local file store cannot serve stage "${stage}"`)
    const secret = env.FILES_SECRET || `${sessionSecret}#files`
    if (secret.length < 32) throw new ConfigError('FILES_SECRET must be at least 32 characters')
    files = { mode: 'local', dir: env.FILES_DIR || '.data/files', baseUrl: env.FILES_BASE_URL || 'http://127.0.0.1:3002', secret }
  } else if (filesMode === 's3') {
    files = { mode: 's3', bucket: required(env, 'FILES_BUCKET'), region: env.AWS_REGION || 'ap-east-1' }
  } else if (filesMode === 'cloudbase') {
    files = { mode: 'cloudbase', env: required(env, 'CLOUDBASE_ENV') }
  } else {
    throw new ConfigError(`FILE_STORE=${filesMode} is not a file store`)
  }

  const sourceAttempts = optional('SIGN_IN_SOURCE_ATTEMPTS')
  if (sourceAttempts !== undefined && (!simulationAllowed || !/^[1-9]\d{0,5}$/.test(sourceAttempts))) {
    throw new ConfigError(`SIGN_IN_SOURCE_ATTEMPTS=${sourceAttempts} is only for a local stage, as a whole number of attempts`)
  }

  return {
    stage,
    payments,
    files,
    ...(sourceAttempts ? { signInSourceAttempts: Number(sourceAttempts) } : {}),
    tableName: required(env, 'TABLE_NAME'),
    dynamoEndpoint,
    sessionSecret,
    messageTemplates: {
      'shoot-reminder': env.WECHAT_REMINDER_TEMPLATE_ID || undefined,
      'photos-ready': env.WECHAT_PHOTOS_READY_TEMPLATE_ID || undefined,
      'design-ready': env.WECHAT_DESIGN_READY_TEMPLATE_ID || undefined,
      'pickup-ready': env.WECHAT_PICKUP_READY_TEMPLATE_ID || undefined,
    },
    wechatSignIn,
  }
}
