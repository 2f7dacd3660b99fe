import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { PaymentGateway } from '../../payments/ports'
import type { PaymentsConfig } from '../../platform/config'
import { notInThisBuild } from '../../platform/build'
import { WeChatPayV3 } from './client'
import { SimulatedWeChatPay } from './simulator'

export { WeChatPayError, WeChatPayV3 } from './client'
export { SimulatedWeChatPay } from './simulator'

/**
 * The payment gateway the configuration asks for: WeChat Pay v3 itself, or the simulator
 * (which loadConfig allows only in local and test stages) keeping its book in the table.
 * Deployed bundles have no simulator (platform/build.ts).
 */
export function createPaymentGateway(config: PaymentsConfig, db: DynamoDBDocumentClient, table: string): PaymentGateway {
  if (config.mode === 'wechat') return new WeChatPayV3(config)
  if (process.env.STUDIO_BUILD === undefined) return new SimulatedWeChatPay(config, db, table)
  return notInThisBuild('The simulated WeChat Pay')
}
