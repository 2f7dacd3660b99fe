import { ulid } from 'ulid'
import { operations } from '../../types/operations'
import { bookableStudioOverHttp, freeSlots } from '../support/bookable'
import { shanghaiDay } from '../support/booking'
import { http, ok, signIn, signInCustomer } from '../support/http'
import { orderWithSelection } from '../support/selection'

/**
 * The crew — photographers and makeup artists (retouchers: post-production.test.ts) — works shoots
 * and photos without an order's money: every answer they can read comes without what the order
 * costs, what was paid, refunds or balances, or they are refused. A photographer who also works at
 * reception sees the money again.
 */
let setup: Awaited<ReturnType<typeof bookableStudioOverHttp>>
let crew: Record<'photographer' | 'makeup', string>
let reception: string
let booked: { id: string; orderId: string; customerId: string; date: string }
let selected: string

/** Every field, however deep, that carries an amount: a number under a key naming money. */
function amountsIn(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => amountsIn(item, `${path}[${i}]`))
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(/fen|amount|price|paid|balance|refund/i.test(key) && typeof inner === 'number' ? [`${path}.${key}`] : []),
    ...amountsIn(inner, `${path}.${key}`),
  ])
}

const errorCode = (answer: { status: number; body: { error?: { code: string } } }) => answer.body.error?.code ?? 'OK'

beforeAll(async () => {
  setup = await bookableStudioOverHttp('花漾婚纱摄影', '森系外景套系')
  crew = { photographer: await signIn(setup.studio.code, 'photographer'), makeup: await signIn(setup.studio.code, 'makeup') }
  reception = await signIn(setup.studio.code, 'reception')
  // A customer's booking with the deposit paid by WeChat Pay: the studio's one photographer and makeup artist work it.
  const customer = await signInCustomer(setup.studio.code, '沈小姐')
  const slot = (await freeSlots(customer.token, setup.pkg.id, setup.branchId)).find((s) => s.date >= shanghaiDay(3))!
  const booking = ok(await http('POST', '/bookings', { token: customer.token, body: { packageId: setup.pkg.id, branchId: setup.branchId, startsAt: slot.startsAt } }), 'booking')
  const charge = ok(await http('POST', `/orders/${booking.orderId}/wechat-pay`, { token: customer.token, body: { kind: 'deposit' } }), 'prepay')
  ok(await http('POST', `/orders/${booking.orderId}/wechat-pay/${charge.outTradeNo}/simulate`, { token: customer.token, body: {} }), 'payment')
  booked = { id: booking.id, orderId: booking.orderId, customerId: customer.id, date: slot.date }
  // An order past its selection, with extras picked (加选): a price and what the extras cost to hide.
  const tokens = { reception, photographer: crew.photographer, retoucher: '', manager: setup.manager, finance: '' }
  const proofs = setup.pkg.retouchedPhotos + 3
  selected = (await orderWithSelection(tokens, setup.pkg.id, proofs, [...Array(proofs).keys()], '顾小姐')).orderId
}, 180_000)

/** Each read a photographer or makeup artist may make about an order, its shoot, its customer or its photos. */
const reads = () => ({
  'orders.getWork': ['GET', `/orders/${booked.orderId}/work`],
  'orders.list': ['GET', '/orders?stage=confirmed'],
  'orders.queue': ['GET', '/production/queue'],
  'photos.list': ['GET', `/orders/${selected}/photos`],
  'schedules.mine': ['GET', `/me/schedule?date=${booked.date}`],
  'schedules.branchDay': ['GET', `/branches/${setup.branchId}/day?date=${booked.date}`],
  'shoots.get': ['GET', `/shoots/${booked.id}`],
  'customers.get': ['GET', `/customers/${booked.customerId}`],
}) as const

/** Reads that are only money, or a customer's whole history with it: the crew is refused them. */
const moneyReads = () => ({
  'orders.get': `/orders/${booked.orderId}`,
  'orders.ofCustomer': `/customers/${booked.customerId}/orders`,
  'customers.history': `/customers/${booked.customerId}/history`,
  'customers.search': '/customers?q=沈',
  'customers.export': '/customers/export',
  'orders.overdue': '/orders/overdue',
  'payments.unaudited': '/payments/unaudited',
  'payments.refundsDue': '/payments/refunds-due',
  'reports.home': '/reports/home',
  'reports.daily': `/reports/daily?date=${shanghaiDay(0)}`,
  'reports.receivables': '/reports/receivables',
  'reports.export': `/reports/export?report=daily&from=${shanghaiDay(0)}&to=${shanghaiDay(0)}`,
})

describe('what the crew reads of an order', () => {
  it.each(['photographer', 'makeup'] as const)('answers the %s every read about the order, its shoot, its customer and its photos without any amount', async (role) => {
    const token = crew[role]
    const answered: string[] = []
    for (const [name, [method, path]] of Object.entries(reads())) {
      const answer = await http(method, path, { token })
      // The post-production reads are the photographer's, not the makeup artist's.
      if (role === 'makeup' && (name === 'orders.queue' || name === 'photos.list')) {
        expect([name, errorCode(answer)]).toEqual([name, 'FORBIDDEN'])
        continue
      }
      expect([name, answer.status]).toEqual([name, 200])
      expect([name, amountsIn(answer.body)]).toEqual([name, []])
      answered.push(name)
    }
    expect(answered.length).toBeGreaterThanOrEqual(role === 'photographer' ? 8 : 6)

    // What the answers carry is the work: the order's package, stage and selection, the shoot and the customer to call.
    const work = ok(await http('GET', `/orders/${booked.orderId}/work`, { token }), 'work')
    expect(work.order).toMatchObject({ id: booked.orderId, stage: 'confirmed', customerName: '沈小姐', package: { name: '森系外景套系' } })
    expect(work.payments).toBeUndefined()
    const list = ok(await http('GET', '/orders?stage=confirmed', { token }), 'list')
    expect(list.items.map((o: { id: string }) => o.id)).toContain(booked.orderId)
    const day = ok(await http('GET', `/branches/${setup.branchId}/day?date=${booked.date}`, { token }), 'day')
    expect(day.items.map((a: { id: string }) => a.id)).toContain(booked.id)
    const shoot = ok(await http('GET', `/shoots/${booked.id}`, { token }), 'shoot')
    expect(shoot.order).toMatchObject({ id: booked.orderId, stage: 'confirmed' })
    if (role === 'photographer') {
      const photos = ok(await http('GET', `/orders/${selected}/photos`, { token }), 'photos')
      expect(photos.selection).toMatchObject({ includedCount: setup.pkg.retouchedPhotos, extraCount: 3 })
      const queue = ok(await http('GET', '/production/queue', { token }), 'queue')
      expect(queue.stages.find((s: { stage: string }) => s.stage === 'retouching').items.map((o: { id: string }) => o.id)).toContain(selected)
    }
  })

  it.each(['photographer', 'makeup'] as const)('refuses the %s the order with its payments, the customer’s history, searches, reports and exports', async (role) => {
    for (const [name, path] of Object.entries(moneyReads())) {
      const answer = await http('GET', path, { token: crew[role] })
      expect([name, errorCode(answer)]).toEqual([name, 'FORBIDDEN'])
      expect([name, amountsIn(answer.body)]).toEqual([name, []])
    }
  })

  it('answers the photographer’s step on the order without any amount, and their commission for it without the order’s value', async () => {
    const today = shanghaiDay(0)
    ok(
      await http('POST', '/commission/rules', { token: setup.manager, body: { branchId: setup.branchId, effectiveFrom: today, role: 'photographer', work: 'shoot', base: 'order_value', calc: { kind: 'percent', basisPoints: 300 } } }),
      'commission rule',
    )
    const customer = ok(await http('POST', '/customers', { token: reception, body: { name: '钱先生', phone: '13712345678' } }), 'customer')
    const order = ok(await http('POST', '/orders', { token: reception, body: { requestId: ulid(), customerId: customer.id, packageId: setup.pkg.id, branchId: setup.branchId } }), 'order')
    ok(await http('POST', `/orders/${order.id}/payments`, { token: reception, body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.depositFen } }), 'deposit')
    const moved = ok(await http('POST', `/orders/${order.id}/advance`, { token: crew.photographer, body: { from: 'confirmed', to: 'shot' } }), 'shot')
    expect(moved).toMatchObject({ id: order.id, stage: 'shot' })
    expect(amountsIn(moved)).toEqual([])

    // What they earned is theirs to see; the base it was taken from is the order's value, and is not.
    const mine = ok(await http('GET', `/commission/mine?month=${today.slice(0, 7)}`, { token: crew.photographer }), 'my commission')
    const line = mine.items.find((l: { orderId: string }) => l.orderId === order.id)
    expect(line).toMatchObject({ work: 'shoot', amountFen: Math.round(order.totalFen * 0.03) })
    expect(line.baseFen).toBeUndefined()
    expect(mine.items.every((l: object) => !('baseFen' in l))).toBe(true)
    // The branch's view of the same line, for the manager, keeps the base.
    const branch = ok(await http('GET', `/commission/branch?branchId=${setup.branchId}&month=${today.slice(0, 7)}`, { token: setup.manager }), 'branch commission')
    expect(JSON.stringify(branch)).toContain(`"baseFen":${order.totalFen}`)
  })

  it('shows a photographer who also works at reception the money on every read', async () => {
    const admin = await signIn(setup.studio.code, 'admin')
    const member = ok(await http('GET', `/staff/${setup.studio.staff.photographer!.id}`, { token: admin }), 'photographer')
    const changed = ok(await http('PATCH', `/staff/${member.id}`, { token: admin, body: { version: member.version, roles: ['photographer', 'reception'] } }), 'roles')
    try {
      const token = await signIn(setup.studio.code, 'photographer')
      const whole = ok(await http('GET', `/orders/${booked.orderId}`, { token }), 'the order')
      expect(whole.order.totalFen).toBeGreaterThan(0)
      expect(whole.order.paidFen).toBe(whole.payments[0].amountFen)
      expect(whole.payments[0].amountFen).toBeGreaterThan(0)
      const list = ok(await http('GET', '/orders?stage=confirmed', { token }), 'list')
      expect(list.items.find((o: { id: string }) => o.id === booked.orderId)).toMatchObject({ totalFen: whole.order.totalFen, paidFen: whole.order.paidFen, balanceFen: whole.order.balanceFen })
      const queue = ok(await http('GET', '/production/queue', { token }), 'queue')
      expect(amountsIn(queue).length).toBeGreaterThan(0)
      const photos = ok(await http('GET', `/orders/${selected}/photos`, { token }), 'photos')
      expect(photos.extraPhotoPriceFen).toBeGreaterThan(0)
      expect(photos.selection.extraFen).toBe(3 * photos.extraPhotoPriceFen)
      expect(amountsIn(ok(await http('GET', `/customers/${booked.customerId}/history`, { token }), 'history')).length).toBeGreaterThan(0)
      const mine = ok(await http('GET', `/commission/mine?month=${shanghaiDay(0).slice(0, 7)}`, { token }), 'my commission')
      expect(mine.items.length).toBeGreaterThan(0)
      for (const line of mine.items) expect(line.baseFen).toBeGreaterThan(0)
    } finally {
      ok(await http('PATCH', `/staff/${member.id}`, { token: admin, body: { version: changed.version, roles: ['photographer'] } }), 'roles back')
    }
  })
})

describe('the operations open to the crew', () => {
  /**
   * Every operation a photographer or makeup artist may call, by what its answer carries. A new one
   * must be placed here: a read about an order is in `reads` above (and so checked for amounts).
   */
  const noOrderMoney = [
    // Themselves, the studio's setup and its published prices (the customer sees the same catalogue).
    'auth.signOut',
    'auth.me',
    'auth.changePassword',
    'branches.list',
    'branches.getSchedule',
    'rooms.list',
    'booking.getPolicy',
    'bookings.availability',
    'catalog.listCategories',
    'catalog.listPackages',
    'catalog.getPackage',
    'catalog.listProducts',
    'orders.getSettings',
    'appFeedback.send',
    // Their own commission: what they earned, without the base it was taken from (checked above).
    'commission.mine',
    // Steps whose answers are the work only (checked above for orders.advance; shoots.markShot answers as shoots.get).
    'orders.advance',
    'shoots.markShot',
    'photos.prepareUploads',
    'photos.remove',
  ]

  it('lists every operation open to a photographer or makeup artist as a read checked here or one without an order’s money', () => {
    const open = operations
      .filter((op) => op.access !== 'public' && op.access.some((role) => role === 'photographer' || role === 'makeup'))
      .map((op) => op.name)
      .sort()
    expect(open).toEqual([...Object.keys(reads()), ...noOrderMoney].sort())
  })
})
