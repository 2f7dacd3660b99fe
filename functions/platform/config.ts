/** Stages where simulated WeChat services may run. Anything else is a real deployment. */
export const SIMULATION_STAGES = ['local', 'test'] as const

export interface Config {
  stage: string
  tableName: string
  dynamoEndpoint?: string
  sessionSecret: string
  wechatSignIn: { mode: 'simulated' } | { mode: 'wechat'; appId: string; appSecret: string }
  /** The subscription-message template of the day-before reminder (WeChat mode). */
  reminderTemplateId?: string
}

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

  return {
    stage,
    tableName: required(env, 'TABLE_NAME'),
    dynamoEndpoint,
    sessionSecret,
    reminderTemplateId: env.WECHAT_REMINDER_TEMPLATE_ID || undefined,
    wechatSignIn:
      signInMode === 'simulated'
        ? { mode: 'simulated' }
        : { mode: 'wechat', appId: required(env, 'WECHAT_APP_ID'), appSecret: required(env, 'WECHAT_APP_SECRET') },
  }
}
