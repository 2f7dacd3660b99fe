type Env = Record<string, string | undefined>

/**
 * The secrets, by the environment name the configuration reads and the parameter name in
 * SSM Parameter Store (SecureString, under SECRETS_PATH, e.g. /studio-erp/prod/).
 */
export const SECRET_PARAMETERS = {
  SESSION_SECRET: 'session-secret',
  WECHAT_APP_SECRET: 'wechat-app-secret',
  WECHATPAY_API_V3_KEY: 'wechatpay-api-v3-key',
  WECHATPAY_MERCHANT_PRIVATE_KEY: 'wechatpay-merchant-private-key',
  WECHATPAY_PLATFORM_PUBLIC_KEY: 'wechatpay-platform-public-key',
} as const

/**
 * The environment with the secrets added, read once at cold start: from SSM Parameter Store
 * when SECRETS_PATH is set (deployed stages; Powertools Parameters, decrypted, cached), else
 * as given (local and test stages, where the environment holds them). A parameter that is
 * missing stays unset, and the configuration check then names it.
 */
export async function withSecrets(env: Env = process.env): Promise<Env> {
  const path = env.SECRETS_PATH
  if (!path) return env
  const { getParametersByName } = await import('@aws-lambda-powertools/parameters/ssm')
  const names = Object.entries(SECRET_PARAMETERS).map(([variable, parameter]) => ({ variable, name: `${path}${parameter}` }))
  const values = (await getParametersByName<string>(Object.fromEntries(names.map(({ name }) => [name, {}])), {
    decrypt: true,
    maxAge: 15 * 60,
    throwOnError: false,
  })) as Record<string, string | undefined>
  return { ...env, ...Object.fromEntries(names.filter(({ name }) => values[name]).map(({ variable, name }) => [variable, values[name]])) }
}
