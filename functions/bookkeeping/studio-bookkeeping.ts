import { studioDate } from '../domain/time'
import { isStaffRole } from '../domain/permissions'
import { orderOpened, orderRevalued, paymentAudited, paymentCaptured, paymentRefunded, stageMoved, type DayOf } from '../domain/report-events'
import { studioTimeZone } from '../finance/books'
import type { FinanceRepository, StudioDirectory } from '../finance/ports'
import type { BookEntries, Bookkeeping, OrderRecord, PaymentRecord, StageChange } from '../orders/ports'
import { commissionClawedBack, commissionEarned, type Earner } from './commission-earned'
import type { ShootCrew } from './ports'

const WECHAT_DESK = { id: 'wechat', name: 'WeChat Pay' }

/** Whoever did a piece of work, if they are on the staff. */
const staffEarner = (actor: { id: string; name: string; role: string }): Earner[] => (isStaffRole(actor.role) ? [{ id: actor.id, name: actor.name, role: actor.role }] : [])

/**
 * The studio's books for each money event and each finished piece of work: the branch-day it
 * lands on, and the commission it earns or claws back. Orders and payments write what this
 * answers in the same transaction as the event itself.
 */
export class StudioBookkeeping implements Bookkeeping {
  constructor(
    private readonly finance: FinanceRepository,
    private readonly studios: StudioDirectory,
    private readonly crew: ShootCrew,
  ) {}

  /** The studio's calendar, for the events' report figures. */
  private async calendar(studioId: string): Promise<DayOf> {
    const timeZone = await studioTimeZone({ repo: this.studios }, studioId)
    return (at) => studioDate(new Date(at), timeZone)
  }

  async opened(order: OrderRecord): Promise<BookEntries> {
    const dayOf = await this.calendar(order.studioId)
    return { figures: orderOpened(order, dayOf(order.createdAt), order.returning === true) }
  }

  async revalued(before: OrderRecord, after: OrderRecord): Promise<BookEntries> {
    const dayOf = await this.calendar(before.studioId)
    return { figures: orderRevalued(before, after, dayOf) }
  }

  /** The day a payment lands on: its own; WeChat Pay's money, which cannot be turned away, on the next open day. */
  private async bookDay(order: OrderRecord, payment: PaymentRecord, dayOf: DayOf) {
    const date = dayOf(payment.at)
    if (payment.method !== 'wechat' || !order.branchId) return date
    let day = date
    for (let i = 0; i < 31 && (await this.finance.dayBook(order.studioId, order.branchId, day)).closed; i++) {
      day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    }
    return day
  }

  async captured(order: OrderRecord, payment: PaymentRecord, confirms?: StageChange): Promise<BookEntries> {
    if (!order.branchId) return {}
    const dayOf = await this.calendar(order.studioId)
    const date = await this.bookDay(order, payment, dayOf)
    const figures = [...paymentCaptured(order, payment, date, dayOf), ...(confirms ? stageMoved(order, confirms, dayOf) : [])]
    const desk = payment.method === 'wechat' ? WECHAT_DESK : { id: payment.recordedBy.id, name: payment.recordedBy.name }
    // The sale is the order's: whoever on the staff opened it earns the 门市 share of the money it brings in.
    const seller = order.timeline[0]?.by
    const sellers = seller ? staffEarner(seller) : []
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
      ...(date !== dayOf(payment.at) ? { bookedOn: date } : {}),
      figures,
    }
  }

  async refunded(order: OrderRecord, payment: PaymentRecord, refund: PaymentRecord): Promise<BookEntries> {
    if (!order.branchId) return {}
    const dayOf = await this.calendar(order.studioId)
    const date = await this.bookDay(order, refund, dayOf)
    const amountFen = -refund.amountFen
    const commission = await commissionClawedBack(this.finance, order, payment, { id: refund.id, amountFen, date, at: refund.at })
    const figures = paymentRefunded(order, payment, refund, order.branchId, order.studioId, date, dayOf)
    return {
      figures,
      dayBook: { studioId: order.studioId, branchId: order.branchId, date, money: { direction: 'refunded', method: refund.method, amountFen, desk: { id: refund.recordedBy.id, name: refund.recordedBy.name } } },
      commission,
      ...(date !== dayOf(refund.at) ? { bookedOn: date } : {}),
    }
  }

  async audited(order: OrderRecord, payment: PaymentRecord): Promise<BookEntries> {
    if (!order.branchId) return {}
    const dayOf = await this.calendar(order.studioId)
    return {
      openDay: { studioId: order.studioId, branchId: order.branchId, date: dayOf(payment.at) },
      figures: paymentAudited(order.studioId, order.branchId, payment, dayOf),
    }
  }

  /**
   * The work a stage move finishes: the shoot (its photographer and makeup artist), retouching
   * and design (whoever took the order, else whoever finished it), and the extra photos sold at
   * selection (whoever on the staff confirmed it, per photo).
   */
  async stageReached(order: OrderRecord, change: StageChange): Promise<BookEntries> {
    const dayOf = await this.calendar(order.studioId)
    const crew = change.to === 'shot' ? await this.shootCrew(order) : []
    // A shoot without a booked crew is the work of whoever on the staff recorded it, as its commission is.
    const figures = stageMoved(order, change, dayOf, { crew: crew.length || change.to !== 'shot' ? crew : staffEarner(change.event.by) })
    const earning = await this.stageEarning(order, change, crew)
    if (!earning) return { figures }
    const date = dayOf(change.event.at)
    const event = { order, date, at: change.event.at, source: { kind: 'stage' as const, id: change.to }, ...earning.event }
    return { commission: await commissionEarned(this.finance, event, earning.earners), figures }
  }

  /** The photographer and makeup artist of the order's shoot. */
  private async shootCrew(order: OrderRecord): Promise<Earner[]> {
    const appointment = order.appointmentId ? await this.crew.getAppointment(order.studioId, order.appointmentId) : undefined
    return [
      ...(appointment?.photographerId ? [{ id: appointment.photographerId, name: appointment.photographerName ?? '', role: 'photographer' as const }] : []),
      ...(appointment?.makeupArtistId ? [{ id: appointment.makeupArtistId, name: appointment.makeupArtistName ?? '', role: 'makeup' as const }] : []),
    ]
  }

  private async stageEarning(order: OrderRecord, change: StageChange, crew: Earner[]) {
    // Work done again (a design revised and sent again) earns nothing more.
    if (order.timeline.some((event) => event.stage === change.to)) return undefined
    const value = { receivedFen: order.paidFen, orderValueFen: order.totalFen, units: 1 }
    if (change.to === 'shot') {
      return { event: { work: 'shoot' as const, ...value }, earners: crew.length ? crew : staffEarner(change.event.by) }
    }
    if ((change.from === 'retouching' && change.to === 'designing') || (change.from === 'designing' && change.to === 'proofing')) {
      const earners = order.assignee ? [{ ...order.assignee, role: 'retoucher' as const }] : staffEarner(change.event.by)
      return { event: { work: 'post' as const, ...value }, earners }
    }
    const extra = change.set?.selection
    if (change.from === 'selecting' && extra && extra.extraCount > 0) {
      return { event: { work: 'upsell' as const, receivedFen: extra.extraFen, orderValueFen: extra.extraFen, units: extra.extraCount }, earners: staffEarner(change.event.by) }
    }
    return undefined
  }
}
