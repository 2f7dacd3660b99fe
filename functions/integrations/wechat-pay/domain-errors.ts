import { DomainError } from '../../domain/errors'
import type { PaymentGateway } from '../../payments/ports'
import { withTranslatedErrors } from '../translated-errors'
import { WeChatPayError } from './client'

/**
 * WeChat Pay's refusals as the API's codes, so none reaches a caller as a 500: a closed or
 * already paid charge is a conflict the customer can act on (start again, or refresh), an
 * unknown trade is not found, and anything else — a parameter WeChat Pay refused, a timeout,
 * an unreadable or unverified answer — is PAYMENT_PROVIDER_ERROR.
 */
export function domainErrorOf(error: WeChatPayError): DomainError {
  switch (error.code) {
    case 'ORDER_CLOSED':
      return new DomainError('CONFLICT', 'This payment was closed (the order changed or the time ran out); nothing was charged')
    case 'ORDERPAID':
      return new DomainError('CONFLICT', 'This payment has been made already')
    case 'ORDER_NOT_EXIST':
    case 'RESOURCE_NOT_EXISTS':
      return new DomainError('NOT_FOUND', 'WeChat Pay has no such payment')
    default:
      return new DomainError('PAYMENT_PROVIDER_ERROR', `WeChat Pay could not do this now (${error.code}); try again`)
  }
}

/** The gateway, its calls failing with DomainError instead of WeChatPayError (other failures unchanged). */
export const withDomainErrors = <T extends PaymentGateway>(gateway: T): T =>
  withTranslatedErrors(gateway, (error) => (error instanceof WeChatPayError ? domainErrorOf(error) : error))
