import type { AppDeps } from '../api/implementations'
import { SimulatedWeChatSignIn, WeChatCode2Session } from '../integrations/wechat-sign-in'
import { SimulatedSubscribeMessages, WeChatSubscribeMessages } from '../integrations/wechat-subscribe'
import { DynamoBookingRepository } from '../store/booking'
import { createDocumentClient } from '../store/client'
import { DynamoCatalogRepository } from '../store/catalog'
import { DynamoCustomerRepository } from '../store/customers'
import { DynamoIdentityRepository } from '../store/identity'
import { DynamoOrderRepository } from '../store/orders'
import { DynamoFinanceRepository } from '../store/finance'
import { StudioBookkeeping } from '../bookkeeping/studio-bookkeeping'
import { createPaymentGateway } from '../integrations/wechat-pay'
import { createFileStore } from '../integrations/file-store'
import type { Config } from './config'
import { decoyHash, hashPassword, verifyPassword } from './passwords'
import { SessionTokens } from './tokens'

/** The composition root: the one place where real adapters meet the use cases. */
export function composeApp(config: Config): AppDeps {
  const db = createDocumentClient({ tableName: config.tableName, endpoint: config.dynamoEndpoint })
  const booking = new DynamoBookingRepository(db, config.tableName)
  const finance = new DynamoFinanceRepository(db, config.tableName)
  const repo = new DynamoIdentityRepository(db, config.tableName)
  return {
    stage: config.stage,
    repo,
    customers: new DynamoCustomerRepository(db, config.tableName),
    catalog: new DynamoCatalogRepository(db, config.tableName),
    booking,
    orders: new DynamoOrderRepository(db, config.tableName, booking),
    payments: createPaymentGateway(config.payments, db, config.tableName),
    files: createFileStore(config.files),
    finance,
    receipts: finance,
    books: new StudioBookkeeping(finance, repo, booking),
    reminders:
      config.wechatSignIn.mode === 'simulated'
        ? new SimulatedSubscribeMessages()
        : new WeChatSubscribeMessages(config.wechatSignIn.appId, config.wechatSignIn.appSecret, config.reminderTemplateId ?? ''),
    tokens: new SessionTokens(config.sessionSecret),
    passwords: { hash: hashPassword, verify: verifyPassword, decoy: decoyHash },
    wechat:
      config.wechatSignIn.mode === 'simulated'
        ? new SimulatedWeChatSignIn()
        : new WeChatCode2Session(config.wechatSignIn.appId, config.wechatSignIn.appSecret),
  }
}
