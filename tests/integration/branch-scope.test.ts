import { ulid } from 'ulid'
import type { AppDeps } from '../../functions/api/implementations'
import { addStaff } from '../../functions/studio/provision-studio'
import type { Operation } from '../../types/operation'
import { operations } from '../../types/operations'
import type { StaffRole } from '../../types/roles'
import { at, bookableStudio, OPEN_EVERY_DAY, shanghaiDay } from '../support/booking'
import { TEST_PASSWORD } from '../support/constants'
import { isolatedTable } from '../support/studio'

/**
 * Branch scope: every operation declared `scope: 'branch'` is called, for every branch-bound
 * role allowed to call it, by a caller of the other branch, against the first branch's order,
 * booking, payments and staff. Each is refused (403/404) or, for lists, holds nothing of the
 * first branch — and nothing of the first branch changes.
 */
let deps: AppDeps
beforeAll(async () => {
  ;({ deps } = await isolatedTable())
})

const BRANCH_BOUND: StaffRole[] = ['reception', 'photographer', 'makeup', 'retoucher', 'finance', 'manager']

/** Inputs naming a branch, an order, a booking or a staff member that is not theirs to see. */
const STUDIO_WIDE_WITH_REFERENCES = new Set([
  // Reading a branch's opening hours and rooms is what the booking page does for any branch.
  'branches.getSchedule',
  'rooms.list',
  'bookings.availability',
  // The catalog is the studio's: a package names the branches it is sold in.
  'catalog.listPackages',
  // The customer file is the studio's (a customer may visit any branch); staff are scoped by their own rule.
  'customers.get',
  'customers.update',
  'followUps.create',
  'followUps.complete',
  'staff.get',
  'staff.update',
  'staff.setStatus',
  'staff.resetPassword',
  'staff.list',
  'staff.create',
  'staff.liftSignInThrottle',
])

describe('branch scope', () => {
  it('every operation that names a branch, an order, a booking or a payment is declared branch-scoped (a new one cannot forget it)', () => {
    const references = (op: Operation) => {
      const input = op.input as unknown as { shape?: Record<string, unknown>; options?: { shape: Record<string, unknown> }[] }
      const shape = input.shape ?? input.options?.[0]?.shape ?? {}
      return ['branchId', 'orderId', 'appointmentId', 'paymentId', 'staffId'].some((key) => key in shape)
    }
    const customerOnly = (op: Operation) => op.access !== 'public' && op.access.every((r) => r === 'customer')
    const missing = operations.filter((op) => references(op) && !customerOnly(op) && op.scope !== 'branch' && !STUDIO_WIDE_WITH_REFERENCES.has(op.name)).map((op) => op.name)
    expect(missing).toEqual([])
    // The lists of branch data are scoped too.
    for (const name of ['orders.list', 'orders.overdue', 'orders.queue', 'payments.unaudited', 'payments.refundsDue', 'orders.ofCustomer', 'customers.history']) {
      expect(operations.find((op) => op.name === name)?.scope).toBe('branch')
    }
  })

  it('a caller of another branch, in every branch-bound role, can neither see nor change the first branch’s orders, bookings, payments and queue', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const [branchA, branchB] = [s.studio.branches[0]!.id, s.studio.branches[1]!.id]
    // The second branch: one account per role (its manager exists already), set up to take bookings.
    for (const role of BRANCH_BOUND.filter((r) => r !== 'manager')) {
      await addStaff(deps, s.studio.studio.id, { username: `${role}-b`, displayName: `${role} B`, password: TEST_PASSWORD, roles: [role], branchId: branchB })
    }
    const tokenB: Record<string, string> = { manager: await s.sign('manager2') }
    for (const role of BRANCH_BOUND.filter((r) => r !== 'manager')) tokenB[role] = await s.sign(`${role}-b`)
    const tokenA: Record<string, string> = {}
    for (const role of BRANCH_BOUND) tokenA[role] = await s.sign(role)
    await s.ops.call('branches.saveSchedule', { branchId: branchB, openingHours: OPEN_EVERY_DAY, closedDates: [] }, tokenB.manager)

    // The first branch's records: a held booking with its order, and a desk order with an unaudited cash payment and a refund.
    const amy = (await s.ops.call('auth.wechatSignIn', { studioCode: s.studio.code, code: 'dev:amy', nickname: 'Amy' })) as { token: string; principal: { id: string } }
    const day = shanghaiDay(10)
    const held = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: branchA, startsAt: at(day, '10:00') }, amy.token)
    const desk = await s.ops.call('orders.create', { requestId: ulid(), customerId: amy.principal.id, packageId: s.pkg.id }, tokenA.reception)
    expect(desk.branchId).toBe(branchA)
    await s.ops.call('payments.recordOffline', { orderId: desk.id, requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: 150000 }, tokenA.reception)
    const paymentId = (await s.ops.call('orders.get', { orderId: desk.id }, tokenA.manager)).payments[0].id as string
    const refund = await s.ops.call('payments.refund', { orderId: desk.id, paymentId, requestId: ulid(), amountFen: 100, reason: 'rounding' }, tokenA.finance)
    const refundId = refund.payments.find((p: { kind: string }) => p.kind === 'refund').id as string
    await s.ops.call('orders.advance', { orderId: desk.id, from: 'confirmed', to: 'shot' }, tokenA.photographer)
    const photographerA = s.photographers[0]!.id

    const snapshot = async () => ({
      held: await s.ops.call('orders.get', { orderId: held.orderId }, tokenA.manager),
      desk: await s.ops.call('orders.get', { orderId: desk.id }, tokenA.manager),
      day: await s.ops.call('schedules.branchDay', { branchId: branchA, date: day }, tokenA.manager),
      schedule: await s.ops.call('staffSchedules.get', { staffId: photographerA }, tokenA.manager),
      rooms: await s.ops.call('rooms.list', { branchId: branchA }, tokenA.manager),
      hours: await s.ops.call('branches.getSchedule', { branchId: branchA }, tokenA.manager),
    })
    const before = await snapshot()

    const orderIds = [held.orderId, desk.id]
    /** Refusals for calls naming a record; for lists, what must not be in the answer. */
    const inputs: Record<string, unknown> = {
      'orders.create': { requestId: ulid(), customerId: amy.principal.id, packageId: s.pkg.id, branchId: branchA },
      'orders.get': { orderId: desk.id },
      'orders.getWork': { orderId: desk.id },
      'selection.photos': { orderId: desk.id },
      'selection.export': { orderId: desk.id },
      'shoots.get': { appointmentId: held.id },
      'shoots.markShot': { appointmentId: held.id },
      'orders.advance': { orderId: desk.id, from: 'shot', to: 'selecting' },
      'orders.update': { orderId: desk.id, version: before.desk.order.version, notes: 'from the other branch' },
      'orders.take': { orderId: desk.id },
      'orders.sendToLab': { orderId: desk.id },
      'photos.prepareUploads': { orderId: desk.id, kind: 'proof', files: [{ name: 'a.jpg', contentType: 'image/jpeg' }] },
      'photos.list': { orderId: desk.id, kind: 'proof' },
      'photos.remove': { orderId: desk.id, photoId: ulid() },
      'selection.save': { orderId: desk.id, photoIds: [] },
      'selection.confirm': { orderId: desk.id, photoIds: [ulid()] },
      'proofs.decide': { orderId: desk.id, decision: 'approve' },
      'payments.refresh': { orderId: desk.id, outTradeNo: 'A'.repeat(26) },
      'payments.recordOffline': { orderId: desk.id, requestId: ulid(), kind: 'balance', method: 'cash', amountFen: 100 },
      'payments.audit': { orderId: desk.id, paymentId },
      'payments.refund': { orderId: desk.id, paymentId, requestId: ulid(), amountFen: 100, reason: 'other branch' },
      'payments.retryRefund': { orderId: desk.id, refundId },
      'bookings.book': { packageId: s.pkg.id, branchId: branchA, startsAt: at(day, '14:00'), customerId: amy.principal.id },
      'bookings.confirm': { appointmentId: held.id },
      'bookings.reschedule': { appointmentId: held.id, startsAt: at(day, '15:00') },
      'bookings.cancel': { appointmentId: held.id },
      'branches.saveSchedule': { branchId: branchA, openingHours: {}, closedDates: [] },
      'rooms.save': { branchId: branchA, name: 'Other branch room' },
      'staffSchedules.get': { staffId: photographerA },
      'staffSchedules.save': { staffId: photographerA, daysOff: [day], leave: [] },
      'schedules.branchDay': { branchId: branchA, date: day },
      'branches.saveContact': { branchId: branchA, address: '上海市静安区南京西路 1 号', phone: '021-12345678', location: null },
      'inventory.listItems': { branchId: branchA },
      'inventory.movements': { branchId: branchA },
      'inventory.purchase': { requestId: ulid(), branchId: branchA, itemId: ulid(), quantity: 1, unitCostFen: 100, supplier: 'Other branch' },
      'inventory.openStocktake': { requestId: ulid(), branchId: branchA },
      'inventory.stocktakes': { branchId: branchA },
      'production.redo': { orderId: desk.id, from: 'ready', materials: [], note: 'from the other branch' },
      'expenses.record': { requestId: ulid(), branchId: branchA, kind: 'expense', category: '房租', amountFen: 100, date: day, payee: 'Other branch' },
      'expenses.edit': { expenseId: ulid(), version: 1, branchId: branchA, payee: 'Other branch' },
      'expenses.list': { branchId: branchA, from: day, to: day },
      'finance.day': { branchId: branchA, date: day },
      'finance.closeDay': { branchId: branchA, date: day, revision: 0, countedCashFen: 0 },
      'finance.reopenDay': { branchId: branchA, date: day, reason: 'from the other branch' },
      'commission.rules': { branchId: branchA },
      'commission.saveRule': { branchId: branchA, role: 'photographer', work: 'shoot', effectiveFrom: day, base: 'order_value', calc: { kind: 'percent', basisPoints: 100 } },
      'commission.branch': { branchId: branchA, month: day.slice(0, 7) },
      'commission.export': { branchId: branchA, month: day.slice(0, 7) },
      'reports.home': { branchId: branchA },
      ...Object.fromEntries(
        ['daily', 'revenue', 'upsell', 'funnel', 'receivables', 'production', 'staff', 'customers', 'stock'].map((r) => [`reports.${r}`, { branchId: branchA, from: day, to: day }]),
      ),
      'reports.export': { branchId: branchA, from: day, to: day, report: 'daily' },
      'reports.recompute': { branchId: branchA, from: day, to: day },
      'survey.report': { branchId: branchA, from: day, to: day },
    }
    const lists: Record<string, { input: unknown; ids: (answer: any) => string[] }> = {
      'orders.list': { input: { stage: 'shot' }, ids: (a) => a.items.map((o: { id: string }) => o.id) },
      'orders.overdue': { input: {}, ids: (a) => a.stages.flatMap((st: { items: { id: string }[] }) => st.items.map((o) => o.id)) },
      'orders.queue': { input: {}, ids: (a) => a.stages.flatMap((st: { items: { id: string }[] }) => st.items.map((o) => o.id)) },
      'orders.ofCustomer': { input: { customerId: amy.principal.id }, ids: (a) => a.items.map((o: { id: string }) => o.id) },
      'customers.history': { input: { customerId: amy.principal.id }, ids: (a) => [...a.orders.map((o: { id: string }) => o.id), ...a.payments.map((p: { orderId: string }) => p.orderId)] },
      'payments.unaudited': { input: {}, ids: (a) => a.items.map((p: { orderId: string }) => p.orderId) },
      'payments.refundsDue': { input: {}, ids: (a) => a.items.map((o: { id: string }) => o.id) },
      'payments.unmatched': { input: {}, ids: (a) => a.items.flatMap((p: { orderId?: string }) => (p.orderId ? [p.orderId] : [])) },
    }

    const scoped = operations.filter((op) => op.scope === 'branch')
    const tried: string[] = []
    const leaks: string[] = []
    for (const op of scoped) {
      const roles = op.access === 'public' ? [] : BRANCH_BOUND.filter((r) => (op.access as readonly string[]).includes(r))
      if (roles.length === 0) continue // customer-only: a customer sees only their own orders
      for (const role of roles) {
        if (op.name in lists) {
          const list = lists[op.name]!
          const seen = list.ids(await s.ops.call(op.name, list.input, tokenB[role]))
          if (seen.some((id) => orderIds.includes(id))) leaks.push(`${op.name} as ${role}: lists the other branch's orders`)
        } else {
          if (!(op.name in inputs)) throw new Error(`no sweep input for ${op.name}`)
          const outcome = await s.ops.outcome(op.name, inputs[op.name], tokenB[role])
          if (outcome !== 'FORBIDDEN' && outcome !== 'NOT_FOUND') leaks.push(`${op.name} as ${role}: ${outcome}`)
        }
        tried.push(`${op.name}:${role}`)
      }
    }
    expect(leaks).toEqual([])
    expect(tried.length).toBeGreaterThan(60)
    // Nothing of the first branch changed.
    expect(await snapshot()).toEqual(before)

    // The same calls by the first branch's own staff do see their records (the sweep refuses for the branch, not for the call).
    expect((await s.ops.call('orders.list', { stage: 'shot' }, tokenA.reception)).items.map((o: { id: string }) => o.id)).toContain(desk.id)
    expect((await s.ops.call('payments.unaudited', {}, tokenA.finance)).items.map((p: { orderId: string }) => p.orderId)).toContain(desk.id)
    expect(await s.ops.outcome('orders.getWork', { orderId: desk.id }, tokenA.retoucher)).toBe('OK')
    // A retoucher reads the order without its money, never the whole of it.
    expect(await s.ops.outcome('orders.get', { orderId: desk.id }, tokenA.retoucher)).toBe('FORBIDDEN')
    expect(await s.ops.outcome('bookings.confirm', { appointmentId: held.id }, tokenA.manager)).toBe('OK')
    // An admin works across branches.
    const admin = await s.sign('admin')
    expect(await s.ops.outcome('orders.get', { orderId: desk.id }, admin)).toBe('OK')
    expect((await s.ops.call('orders.list', { stage: 'shot' }, admin)).items.map((o: { id: string }) => o.id)).toContain(desk.id)
  }, 180_000)
})
