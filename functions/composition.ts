import { SIGN_IN_LIMITS } from './domain/credentials'
import type { AppDeps } from './api/implementations'
import { depositConfirmation } from './booking/confirm-booking'
import { createFileStore } from './integrations/file-store'
import { createPaymentGateway } from './integrations/wechat-pay'
import { withDomainErrors } from './integrations/wechat-pay/domain-errors'
import { WeChatAccessToken } from './integrations/wechat-access-token'
import { SimulatedPhoneNumberExchange, WeChatPhoneNumberExchange } from './integrations/wechat-phone'
import { SimulatedWeChatSignIn, WeChatCode2Session } from './integrations/wechat-sign-in'
import { SimulatedSubscribeMessages, WeChatSubscribeMessages } from './integrations/wechat-subscribe'
import type { Config } from './platform/config'
import { notInThisBuild } from './platform/build'
import { logger } from './platform/logger'
import { decoyHash, hashPassword, verifyPassword } from './platform/passwords'
import { JwtDeviceTokens, JwtSessionTokens } from './platform/tokens'
import { DynamoBookingRepository } from './store/booking'
import { DynamoCatalogRepository } from './store/catalog'
import { DynamoStudioItems } from './store/backup'
import { createDocumentClient, createDynamoClient } from './store/client'
import { DynamoCustomerRepository } from './store/customers'
import { DynamoReportFigures } from './store/reports'
import { StudioBookkeeping } from './bookkeeping/studio-bookkeeping'
import { DynamoFinanceRepository } from './store/finance'
import { DynamoOrderHistory } from './store/history-import'
import { DynamoIdentityRepository } from './store/identity'
import { DynamoStockRepository } from './store/inventory'
import { DynamoFeedbackStore } from './store/feedback'
import { DynamoNoticeStore } from './store/notices'
import { DynamoOrderRepository } from './store/orders'
import { DynamoPaymentLedger } from './store/payments'
import { DynamoUnmatchedPayments } from './store/unmatched-payments'
import { DynamoProductionStore } from './store/production'
import { DynamoSchedulingRepository } from './store/scheduling'
import { DynamoStudioDirectory } from './store/studios'

/** The composition root: the one place where real adapters meet the use cases. */
export function composeApp(config: Config): AppDeps {
  const db = createDocumentClient({ tableName: config.tableName, endpoint: config.dynamoEndpoint })
  const repo = new DynamoIdentityRepository(db, config.tableName)
  const scheduling = new DynamoSchedulingRepository(db, config.tableName)
  const finance = new DynamoFinanceRepository(db, config.tableName)
  const app: AppDeps = {
    stage: config.stage,
    repo,
    customers: new DynamoCustomerRepository(db, config.tableName),
    catalog: new DynamoCatalogRepository(db, config.tableName),
    scheduling,
    booking: new DynamoBookingRepository(db, config.tableName),
    orders: new DynamoOrderRepository(db, config.tableName),
    history: new DynamoOrderHistory(db, config.tableName),
    ledger: new DynamoPaymentLedger(db, config.tableName),
    unmatched: new DynamoUnmatchedPayments(db, config.tableName),
    // WeChat Pay's refusals reach use cases, and callers, as the API's own codes.
    payments: withDomainErrors(createPaymentGateway(config.payments, db, config.tableName)),
    // A deposit landing confirms its booking: the booking module decides how.
    deposits: { confirmationFor: (order, now) => depositConfirmation(app, order, now) },
    files: createFileStore(config.files),
    stock: new DynamoStockRepository(db, config.tableName),
    production: new DynamoProductionStore(db, config.tableName),
    finance,
    receipts: finance,
    // The day books and commission: worked out by the bookkeeping module, written by orders, payments and production with each event.
    books: new StudioBookkeeping(finance, repo, scheduling),
    figures: new DynamoReportFigures(db, config.tableName),
    notices: new DynamoNoticeStore(db, config.tableName),
    feedback: new DynamoFeedbackStore(db, config.tableName),
    tokens: new JwtSessionTokens(config.sessionSecret),
    devices: new JwtDeviceTokens(config.sessionSecret),
    ...(config.signInSourceAttempts ? { signInLimits: { ...SIGN_IN_LIMITS, source: { ...SIGN_IN_LIMITS.source, attempts: config.signInSourceAttempts } } } : {}),
    passwords: { hash: hashPassword, verify: verifyPassword, decoy: decoyHash },
    ...weChatServices(config),
    log: logger,
  }
  return app
}

/** The operator's tools (command line): the stage's studio directory and a studio's raw items, on the same table. */
export function composeOperatorTools(config: Pick<Config, 'tableName' | 'dynamoEndpoint'>) {
  const db = createDocumentClient({ tableName: config.tableName, endpoint: config.dynamoEndpoint })
  return {
    studios: new DynamoStudioDirectory(db, config.tableName),
    studioItems: new DynamoStudioItems(createDynamoClient({ tableName: config.tableName, endpoint: config.dynamoEndpoint }), config.tableName),
  }
}

/**
 * Sign-in, phone numbers and subscription messages: WeChat's own, with one server access token for
 * every call that needs one, or all three simulated (local and test stages; not in a deployed
 * bundle, platform/build.ts).
 */
function weChatServices(config: Config): Pick<AppDeps, 'wechat' | 'phoneNumbers' | 'reminders'> {
  const wechat = config.wechatSignIn
  if (wechat.mode === 'wechat') {
    const token = new WeChatAccessToken(wechat.appId, wechat.appSecret)
    return {
      wechat: new WeChatCode2Session(wechat.appId, wechat.appSecret),
      phoneNumbers: new WeChatPhoneNumberExchange(token),
      reminders: new WeChatSubscribeMessages(token, config.messageTemplates),
    }
  }
  if (process.env.STUDIO_BUILD === undefined) {
    return { wechat: new SimulatedWeChatSignIn(), phoneNumbers: new SimulatedPhoneNumberExchange(), reminders: new SimulatedSubscribeMessages() }
  }
  return notInThisBuild('The simulated WeChat sign-in')
}
