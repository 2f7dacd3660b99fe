import Taro from '@tarojs/taro'
import type { Translate } from '../i18n'
import { formatFen } from './money'

interface MoneyAction {
  /** What is about to be written: 登记收款, 审核, 退款. */
  title: string
  customer: string
  amountFen: number
  method: 'wechat' | 'cash' | 'card' | 'transfer'
  confirmText: string
  /** Anything more the person must know first (the refund is handed over in cash, say). */
  note?: string
}

/** Money is written only after the person has seen who, how much and how, and said yes. */
export async function confirmMoney(t: Translate, action: MoneyAction): Promise<boolean> {
  const facts = t('moneyConfirm.facts', { customer: action.customer, amount: formatFen(action.amountFen), method: t(`paymentMethod.${action.method}`) })
  const answer = await Taro.showModal({
    title: action.title,
    content: action.note ? `${facts}\n${action.note}` : facts,
    confirmText: action.confirmText,
    cancelText: t('moneyConfirm.back'),
  })
  return answer.confirm
}

/** Finance's audit: the payment was checked against the till, the card terminal or the bank. */
export function confirmAudit(t: Translate, payment: { customer: string; amountFen: number; method: MoneyAction['method'] }): Promise<boolean> {
  return confirmMoney(t, { ...payment, title: t('finance.auditConfirmTitle'), confirmText: t('finance.auditConfirm') })
}
