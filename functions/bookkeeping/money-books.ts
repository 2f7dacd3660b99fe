import { studioDate } from '../domain/time'
import { isStaffRole } from '../domain/permissions'
import type { FinanceRepository, StudioDirectory } from '../finance/ports'
import type { BookEntries, MoneyBooks, OrderRecord, PaymentRecord } from '../orders/ports'
import { commissionClawedBack, commissionEarned } from './commission-earned'

const WECHAT_DESK = { id: 'wechat', name: 'WeChat Pay' }

/**
 * The studio's books for each money event: the branch-day it lands on, and the commission a
 * sale earns or a refund claws back. Orders and payments write what this answers in the same
 * transaction as the event itself.
 */
export class StudioMoneyBooks implements MoneyBooks {
  constructor(
    private readonly finance: FinanceRepository,
    private readonly studios: StudioDirectory,
  ) {}

  private async dayOf(studioId: string, at: string) {
    const timeZone = (await this.studios.getStudio(studioId))?.timeZone ?? 'Asia/Shanghai'
    return studioDate(new Date(at), timeZone)
  }

  /** The day a payment lands on: its own; WeChat Pay's money, which cannot be turned away, on the next open day. */
  private async bookDay(order: OrderRecord, payment: PaymentRecord) {
    const date = await this.dayOf(order.studioId, payment.at)
    if (payment.method !== 'wechat' || !order.branchId) return date
    let day = date
    for (let i = 0; i < 31 && (await this.finance.dayBook(order.studioId, order.branchId, day)).closed; i++) {
      day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    }
    return day
  }

  async captured(order: OrderRecord, payment: PaymentRecord): Promise<BookEntries> {
    if (!order.branchId) return {}
    const date = await this.bookDay(order, payment)
    const desk = payment.method === 'wechat' ? WECHAT_DESK : { id: payment.recordedBy.id, name: payment.recordedBy.name }
    // The sale is the order's: whoever on the staff opened it earns the 门市 share of the money it brings in.
    const seller = order.timeline[0]?.by
    const sellers = seller && isStaffRole(seller.role) ? [{ id: seller.id, name: seller.name, role: seller.role }] : []
    const commission = await commissionEarned(
      this.finance,
      {
        order,
        work: 'sale',
        source: { kind: 'payment', id: payment.id },
        date,
        at: payment.at,
        receivedFen: payment.amountFen,
        // A rule on the order's value earns once, on the payment that confirms the order.
        orderValueFen: order.stage === 'pending_deposit' ? order.totalFen : 0,
        units: 1,
      },
      sellers,
    )
    return {
      dayBook: { studioId: order.studioId, branchId: order.branchId, date, money: { direction: 'received', method: payment.method, amountFen: payment.amountFen, desk } },
      commission,
    }
  }

  async refunded(order: OrderRecord, payment: PaymentRecord, refund: PaymentRecord): Promise<BookEntries> {
    if (!order.branchId) return {}
    const date = await this.bookDay(order, refund)
    const amountFen = -refund.amountFen
    const commission = await commissionClawedBack(this.finance, order, { id: refund.id, paymentId: payment.id, amountFen, date, at: refund.at })
    return {
      dayBook: { studioId: order.studioId, branchId: order.branchId, date, money: { direction: 'refunded', method: refund.method, amountFen, desk: { id: refund.recordedBy.id, name: refund.recordedBy.name } } },
      commission,
    }
  }

  async audited(order: OrderRecord, payment: PaymentRecord): Promise<BookEntries> {
    if (!order.branchId) return {}
    return { openDay: { studioId: order.studioId, branchId: order.branchId, date: await this.dayOf(order.studioId, payment.at) } }
  }
}
