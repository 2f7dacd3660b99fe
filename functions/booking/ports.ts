import type { BookEntries, OrderRecord, StageChange } from '../orders/ports'
import type { AppointmentRecord, LockRef } from '../scheduling/ports'

/**
 * The order's add-ons and money as a booking change re-prices them (a photographer's surcharge):
 * written with the booking only if the order is still at the version read — a payment or an edit
 * landing meanwhile bumps it, and the booking change is refused (VERSION_CONFLICT) to be tried again.
 */
export interface OrderRepricing extends Pick<OrderRecord, 'addOns' | 'totalFen' | 'balanceFen' | 'depositFen'> {
  readVersion: number
}

/** The transactions that change an appointment and its order together. */
export interface BookingRepository {
  /**
   * Writes the appointment, its order and a lock on every cell of every resource in one
   * transaction. A cell held by anyone else (other than a lapsed hold) fails it with SLOT_TAKEN.
   */
  createBooking(
    appointment: AppointmentRecord,
    order: { create: OrderRecord } | { attach: { orderId: string; shootAt: string; expectedBy?: string; repricing?: OrderRepricing } },
    locks: LockRef[],
    now: Date,
    books?: BookEntries,
  ): Promise<void>
  /** Makes the hold permanent, re-taking any lapsed lock still free; PRECONDITION_FAILED if the slot was lost. */
  confirmBooking(appointment: AppointmentRecord, locks: LockRef[], now: Date, orderChange: StageChange, books?: BookEntries): Promise<AppointmentRecord>
  /** Moves the locks, the appointment and the order's shoot date (and price) in one transaction; SLOT_TAKEN if the new time is not free. */
  rescheduleBooking(
    current: AppointmentRecord,
    next: AppointmentRecord,
    oldLocks: LockRef[],
    newLocks: LockRef[],
    now: Date,
    order: { shootAt: string; expectedBy?: string; repricing?: OrderRepricing },
    books?: BookEntries,
  ): Promise<AppointmentRecord>
  /** Cancels (or expires) the appointment and its order and frees its locks still its own; refuses if its status changed meanwhile. */
  endBooking(
    appointment: AppointmentRecord,
    locks: LockRef[],
    ending: { status: 'cancelled' | 'expired'; cancellation?: AppointmentRecord['cancellation'] },
    now: Date,
    orderChange: StageChange,
    books?: BookEntries,
  ): Promise<AppointmentRecord>
}
