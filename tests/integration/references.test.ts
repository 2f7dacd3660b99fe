import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import type { AppDeps } from '../../functions/api/implementations'
import { DomainError } from '../../functions/domain/errors'
import { createDocumentClient } from '../../functions/store/client'
import type { Operation } from '../../types/operation'
import { operations } from '../../types/operations'
import { samplePackage } from '../../scripts/lib/sample-package'
import { at, bookableStudio, OPEN_EVERY_DAY, shanghaiDay } from '../support/booking'
import { TEST_PASSWORD, TEST_SESSION_SECRET } from '../support/constants'
import { endpoint, newTable } from '../support/studio'
import { composeApp } from '../../functions/composition'
import { loadConfig } from '../../functions/platform/config'

/**
 * References belong to the caller's studio. Every id an operation's input takes as a reference
 * (found by walking the input schemas: keys ending in `Id`/`Ids`, at any depth) is given, one at a
 * time, a real id of another studio's record of the same kind, in an otherwise valid call by the
 * first studio's admin (or customer). Each is refused with NOT_FOUND or VALIDATION_FAILED naming
 * the field, and nothing of the first studio changes; the same call with the studio's own ids
 * then goes through (or stops at a rule of the record's state, never at the reference).
 */
let deps: AppDeps
let tableName: string
beforeAll(async () => {
  // A table of its own, with the test run's file server, so proofs can be uploaded and chosen.
  tableName = await newTable()
  deps = composeApp(
    loadConfig({
      STAGE: 'test',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: endpoint(),
      SESSION_SECRET: TEST_SESSION_SECRET,
      FILES_DIR: process.env.TEST_FILES_DIR,
      FILES_BASE_URL: process.env.TEST_FILES_URL,
      FILES_SECRET: process.env.TEST_FILES_SECRET,
    }),
  )
})

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

type Kind =
  | 'branch'
  | 'staff'
  | 'package'
  | 'product'
  | 'stockItem'
  | 'customer'
  | 'room'
  | 'order'
  | 'appointment'
  | 'payment'
  | 'refund'
  | 'stocktake'
  | 'expense'
  | 'followUp'
  | 'photo'

/** The kind of record a reference field names, by the field's own name. */
const KIND_OF: Record<string, Kind> = {
  branchId: 'branch',
  branchIds: 'branch',
  fromBranchId: 'branch',
  toBranchId: 'branch',
  staffId: 'staff',
  photographerId: 'staff',
  assigneeId: 'staff',
  packageId: 'package',
  packageIds: 'package',
  productId: 'product',
  stockItemId: 'stockItem',
  itemId: 'stockItem',
  customerId: 'customer',
  orderId: 'order',
  appointmentId: 'appointment',
  paymentId: 'payment',
  refundId: 'refund',
  stocktakeId: 'stocktake',
  expenseId: 'expense',
  followUpId: 'followUp',
  photoId: 'photo',
  photoIds: 'photo',
  // A commission override names a package or a product; the fixture's overrides name packages.
  targetId: 'package',
  // Names that do not end in Id but are references all the same.
  corrects: 'expense',
  id: 'room',
}

/** Keys ending in Id that name nothing: the caller's own key for a retried request. */
const NOT_REFERENCES = new Set(['requestId'])
/** Reference keys whose names do not end in Id, by operation. */
const OTHER_REFERENCES: Record<string, string[]> = { 'expenses.record': ['corrects'], 'rooms.save': ['id'] }

/**
 * Reads are exempt: every key starts with the caller's studio, so a read given another studio's
 * id finds nothing (404, or an empty list); the branch-scope and customer-isolation tests hold them.
 */
const isRead = (op: Operation) => op.method === 'GET'

/** The paths of the reference fields in an operation's input: `addOns[].productId`, `branchIds`… */
function referencePaths(op: Operation): string[] {
  const found: string[] = []
  const walk = (schema: unknown, path: string) => {
    const def = (schema as { _zod?: { def?: Record<string, any> } })?._zod?.def
    if (!def) return
    switch (def.type) {
      case 'object':
        for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) {
          const at = path ? `${path}.${key}` : key
          if ((/Ids?$/.test(key) && !NOT_REFERENCES.has(key)) || OTHER_REFERENCES[op.name]?.includes(key)) found.push(at)
          walk(value, at)
        }
        return
      case 'array':
        return walk(def.element, `${path}[]`)
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
        return walk(def.innerType, path)
      case 'pipe':
        return walk(def.in, path)
      case 'union':
        return (def.options as unknown[]).forEach((o) => walk(o, path))
      case 'intersection':
        walk(def.left, path)
        return walk(def.right, path)
    }
  }
  walk(op.input, '')
  return [...new Set(found)]
}

/** Sets every value at a path (`a[].b` sets `b` of each element of `a`); a list field gets a one-item list. */
function withValue(body: Record<string, unknown>, path: string, id: string): Record<string, unknown> {
  const copy = structuredClone(body)
  const [head, ...rest] = path.split('.')
  const set = (target: Record<string, any>, key: string, tail: string[]) => {
    if (key.endsWith('[]')) {
      const list = target[key.slice(0, -2)] as Record<string, any>[] | undefined
      if (!list?.length) throw new Error(`the body has no ${key} to put another studio's id in`)
      for (const element of list) set(element, tail[0]!, tail.slice(1))
    } else if (tail.length) set(target[key], tail[0]!, tail.slice(1))
    else target[key] = /Ids$/.test(key) ? [id] : id
  }
  set(copy, head!, rest)
  return copy
}

/** A studio with one record of every kind a reference can name, and the calls that made them. */
async function studioWithRecords() {
  const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
  const [branch, branch2] = [s.studio.branches[0]!.id, s.studio.branches[1]!.id]
  const admin = await s.sign('admin')
  const call = (name: string, input: unknown, token = admin) => s.ops.call(name, input, token)
  await call('branches.saveSchedule', { branchId: branch2, openingHours: OPEN_EVERY_DAY, closedDates: [] })
  const item = await call('inventory.createItem', { requestId: ulid(), name: '水晶相册', category: 'album', unit: '本', reorderLevel: 1 })
  await call('inventory.purchase', { requestId: ulid(), branchId: branch, itemId: item.id, quantity: 50, unitCostFen: 1000, supplier: '广州相册厂' })
  const product = await call('catalog.createProduct', { name: '水晶相册 12寸', priceFen: 120000, unit: '本', consumesStock: true, materials: [{ stockItemId: item.id, quantity: 1 }] })
  let phones = 0
  const newCustomer = async () => (await call('customers.create', { name: '林小姐', phone: `1390000${String(++phones).padStart(4, '0')}` })).id as string
  const customer = await newCustomer()
  const amy = (await call('auth.wechatSignIn', { studioCode: s.studio.code, code: `dev:amy-${ulid()}`, nickname: 'Amy' })) as { token: string; principal: { id: string } }
  let slot = 0
  /** A fresh three hours for every booking (the two-hour shoot and the buffer after it), days ahead, so no two calls meet on a slot. */
  const nextSlot = () => {
    slot++
    return at(shanghaiDay(3 + Math.floor(slot / 3)), `${String(9 + 3 * (slot % 3)).padStart(2, '0')}:00`)
  }
  const deskOrder = async (customerId = customer) => {
    const order = await call('orders.create', { requestId: ulid(), customerId, packageId: s.pkg.id, branchId: branch })
    await call('payments.recordOffline', { orderId: order.id, requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.depositFen })
    return order as { id: string; version: number; depositFen: number }
  }
  const order = await deskOrder()
  const detail = await call('orders.get', { orderId: order.id })
  const payment = detail.payments[0].id as string
  const refunded = await call('payments.refund', { orderId: order.id, paymentId: payment, requestId: ulid(), amountFen: 100, reason: 'rounding' })
  const refund = refunded.payments.find((p: { kind: string }) => p.kind === 'refund').id as string
  await call('orders.advance', { orderId: order.id, from: 'confirmed', to: 'shot' })
  const [photo] = (await call('photos.prepareUploads', { orderId: order.id, kind: 'proof', files: [{ name: 'a.png', contentType: 'image/png' }] })).items
  const form = new FormData()
  for (const [name, value] of Object.entries(photo.upload.fields as Record<string, string>)) form.append(name, value)
  form.append(photo.upload.fileField, new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'a.png')
  const uploaded = await fetch(photo.upload.url, { method: 'POST', body: form })
  if (!uploaded.ok) throw new Error(`proof upload refused: ${uploaded.status}`)
  await call('orders.advance', { orderId: order.id, from: 'shot', to: 'selecting' })
  const held = async () => (await call('bookings.book', { packageId: s.pkg.id, branchId: branch, startsAt: nextSlot(), customerId: await newCustomer() })).id as string
  const appointment = await held()
  const stocktake = await call('inventory.openStocktake', { requestId: ulid(), branchId: branch })
  const expense = await call('expenses.record', { requestId: ulid(), branchId: branch, kind: 'expense', category: 'rent', amountFen: 100, date: shanghaiDay(), payee: '物业' })
  const followUp = await call('followUps.create', { customerId: customer, dueDate: shanghaiDay(5), note: '回访' })
  const ids: Record<Kind, string> = {
    branch,
    staff: s.photographers[0]!.id,
    package: s.pkg.id,
    product: product.id,
    stockItem: item.id,
    customer,
    room: s.rooms[0]!.id,
    order: order.id,
    appointment,
    payment,
    refund,
    stocktake: stocktake.id,
    expense: expense.id,
    followUp: followUp.id,
    photo: photo.photoId,
  }
  return { ...s, ids, branch2, admin, amy, call, newCustomer, nextSlot, deskOrder, held }
}
type Studio = Awaited<ReturnType<typeof studioWithRecords>>

interface Fixture {
  /** Who calls: the studio's admin unless said. */
  as?: 'customer'
  /** An otherwise valid input naming the studio's own records. */
  body: (a: Studio) => Promise<Record<string, unknown>> | Record<string, unknown>
  /** What the same call with the studio's own ids answers, when its record's state stops it later on. */
  own?: string
}

const FIXTURES: Record<string, Fixture> = {
  'staff.create': { body: (a) => ({ username: `u${ulid().slice(-8).toLowerCase()}`, displayName: '新同事', password: TEST_PASSWORD, roles: ['reception'], branchId: a.ids.branch }) },
  'staff.update': {
    body: async (a) => {
      const member = await a.call('staff.get', { staffId: a.ids.staff })
      return { staffId: a.ids.staff, version: member.version, displayName: '摄影师', branchId: a.ids.branch }
    },
  },
  'staff.setStatus': { body: (a) => ({ staffId: a.ids.staff, status: 'active' }) },
  'staff.resetPassword': { body: (a) => ({ staffId: a.studio.staff['retoucher']!.id, newPassword: `${TEST_PASSWORD}-new` }) },
  'staff.liftSignInThrottle': { body: (a) => ({ staffId: a.ids.staff }) },
  'catalog.createPackage': {
    body: (a) => samplePackage([a.ids.branch], { includedProducts: [{ productId: a.ids.product, quantity: 1 }], materials: [{ stockItemId: a.ids.stockItem, quantity: 1 }] }),
  },
  'catalog.updatePackage': {
    body: async (a) => {
      const pkg = await a.call('catalog.getPackage', { packageId: a.ids.package })
      return {
        ...samplePackage([a.ids.branch], { includedProducts: [{ productId: a.ids.product, quantity: 1 }], materials: [{ stockItemId: a.ids.stockItem, quantity: 1 }] }),
        packageId: a.ids.package,
        version: pkg.version,
      }
    },
  },
  'catalog.setPackageActive': { body: (a) => ({ packageId: a.ids.package, active: true }) },
  'catalog.reorderPackages': { body: (a) => ({ packageIds: [a.ids.package] }) },
  'catalog.createProduct': { body: (a) => ({ name: '相框', priceFen: 30000, unit: '个', consumesStock: true, materials: [{ stockItemId: a.ids.stockItem, quantity: 1 }] }) },
  'catalog.updateProduct': {
    body: async (a) => {
      const product = (await a.call('catalog.listProducts', {})).items.find((p: { id: string }) => p.id === a.ids.product)
      return { productId: a.ids.product, version: product.version, active: true, name: '水晶相册 12寸', priceFen: 120000, unit: '本', consumesStock: true, materials: [{ stockItemId: a.ids.stockItem, quantity: 1 }] }
    },
  },
  'customers.update': {
    body: async (a) => ({ customerId: a.ids.customer, version: (await a.call('customers.get', { customerId: a.ids.customer })).version, notes: '喜欢户外' }),
  },
  'followUps.create': { body: (a) => ({ customerId: a.ids.customer, dueDate: shanghaiDay(7), assigneeId: a.ids.staff, note: '回访' }) },
  'followUps.complete': { body: (a) => ({ customerId: a.ids.customer, followUpId: a.ids.followUp, outcome: 'reached' }) },
  'branches.saveSchedule': { body: (a) => ({ branchId: a.ids.branch, openingHours: OPEN_EVERY_DAY, closedDates: [] }) },
  'branches.saveContact': { body: (a) => ({ branchId: a.ids.branch, address: '上海市静安区南京西路 1 号', phone: '021-12345678', location: null }) },
  'rooms.save': { body: (a) => ({ branchId: a.ids.branch, id: a.ids.room, name: 'Studio 1' }) },
  'staffSchedules.save': { body: (a) => ({ staffId: a.ids.staff, daysOff: [], leave: [] }) },
  'bookings.book': {
    body: async (a) => {
      const customerId = await a.newCustomer()
      const order = await a.deskOrder(customerId)
      return { packageId: a.ids.package, branchId: a.ids.branch, startsAt: a.nextSlot(), photographerId: a.ids.staff, customerId, orderId: order.id }
    },
  },
  'bookings.confirm': { body: async (a) => ({ appointmentId: await a.held() }) },
  'bookings.reschedule': { body: async (a) => ({ appointmentId: await a.held(), startsAt: a.nextSlot(), photographerId: a.ids.staff }) },
  'bookings.cancel': { body: async (a) => ({ appointmentId: await a.held() }) },
  // A shoot days ahead, its deposit not paid: the studio's own is stopped by its state, never by the reference.
  'shoots.markShot': { body: async (a) => ({ appointmentId: await a.held() }), own: 'PRECONDITION_FAILED' },
  'orders.create': {
    body: (a) => ({ requestId: ulid(), customerId: a.ids.customer, packageId: a.ids.package, branchId: a.ids.branch, addOns: [{ kind: 'product', productId: a.ids.product, quantity: 1 }] }),
  },
  'orders.advance': { body: async (a) => ({ orderId: (await a.deskOrder()).id, from: 'confirmed', to: 'shot' }) },
  'orders.update': {
    body: async (a) => {
      const order = await a.deskOrder()
      const version = (await a.call('orders.get', { orderId: order.id })).order.version
      return { orderId: order.id, version, addOns: [{ kind: 'product', productId: a.ids.product, quantity: 1 }] }
    },
  },
  'orders.take': { body: (a) => ({ orderId: a.ids.order }), own: 'ILLEGAL_TRANSITION' },
  'orders.sendToLab': { body: (a) => ({ orderId: a.ids.order }), own: 'ILLEGAL_TRANSITION' },
  'photos.prepareUploads': { body: (a) => ({ orderId: a.ids.order, kind: 'proof', files: [{ name: 'b.jpg', contentType: 'image/jpeg' }] }) },
  'photos.remove': {
    body: async (a) => {
      const [upload] = (await a.call('photos.prepareUploads', { orderId: a.ids.order, kind: 'proof', files: [{ name: 'c.jpg', contentType: 'image/jpeg' }] })).items
      return { orderId: a.ids.order, photoId: upload.photoId }
    },
  },
  'selection.save': { body: (a) => ({ orderId: a.ids.order, photoIds: [a.ids.photo] }) },
  'selection.confirm': { body: (a) => ({ orderId: a.ids.order, photoIds: [a.ids.photo] }) },
  'proofs.decide': { body: (a) => ({ orderId: a.ids.order, decision: 'approve' }), own: 'ILLEGAL_TRANSITION' },
  'payments.prepay': { as: 'customer', body: async (a) => ({ orderId: await customersOrder(a), kind: 'deposit' }) },
  'payments.simulatePay': {
    as: 'customer',
    body: async (a) => {
      const orderId = await customersOrder(a)
      const prepay = await a.call('payments.prepay', { orderId, kind: 'deposit' }, a.amy.token)
      return { orderId, outTradeNo: prepay.outTradeNo }
    },
  },
  'payments.refresh': {
    body: async (a) => {
      const orderId = await customersOrder(a)
      const prepay = await a.call('payments.prepay', { orderId, kind: 'deposit' }, a.amy.token)
      return { orderId, outTradeNo: prepay.outTradeNo }
    },
  },
  'payments.recordOffline': { body: (a) => ({ orderId: a.ids.order, requestId: ulid(), kind: 'balance', method: 'cash', amountFen: 100 }) },
  'payments.audit': { body: (a) => ({ orderId: a.ids.order, paymentId: a.ids.payment }) },
  'payments.refund': { body: (a) => ({ orderId: a.ids.order, paymentId: a.ids.payment, requestId: ulid(), amountFen: 100, reason: 'rounding' }) },
  'payments.retryRefund': { body: (a) => ({ orderId: a.ids.order, refundId: a.ids.refund }), own: 'PRECONDITION_FAILED' },
  'inventory.updateItem': {
    body: async (a) => {
      const item = (await a.call('inventory.listItems', { branchId: a.ids.branch })).items.find((i: { id: string }) => i.id === a.ids.stockItem)
      return { itemId: a.ids.stockItem, version: item.version, active: true, name: '水晶相册', category: 'album', unit: '本', reorderLevel: 2 }
    },
  },
  'inventory.purchase': { body: (a) => ({ requestId: ulid(), branchId: a.ids.branch, itemId: a.ids.stockItem, quantity: 1, unitCostFen: 1000, supplier: '广州相册厂' }) },
  'inventory.transfer': { body: (a) => ({ requestId: ulid(), fromBranchId: a.ids.branch, toBranchId: a.branch2, itemId: a.ids.stockItem, quantity: 1 }) },
  'inventory.openStocktake': { body: (a) => ({ requestId: ulid(), branchId: a.branch2 }) },
  'inventory.countStocktake': {
    body: async (a) => ({ stocktakeId: a.ids.stocktake, version: (await a.call('inventory.getStocktake', { stocktakeId: a.ids.stocktake })).version, counts: [{ itemId: a.ids.stockItem, counted: 49 }] }),
  },
  'inventory.postStocktake': {
    body: async (a) => ({ stocktakeId: a.ids.stocktake, version: (await a.call('inventory.getStocktake', { stocktakeId: a.ids.stocktake })).version, reason: '月末盘点' }),
  },
  'production.redo': { body: (a) => ({ orderId: a.ids.order, from: 'ready', materials: [{ stockItemId: a.ids.stockItem, quantity: 1 }], note: '重做' }), own: 'ILLEGAL_TRANSITION' },
  // The studio's own entry is of an open day, which is edited rather than corrected.
  'expenses.record': {
    body: (a) => ({ requestId: ulid(), branchId: a.ids.branch, kind: 'expense', category: 'rent', amountFen: 50, date: shanghaiDay(), payee: '物业', corrects: a.ids.expense }),
    own: 'PRECONDITION_FAILED',
  },
  'expenses.edit': {
    body: async (a) => ({ expenseId: a.ids.expense, version: (await a.call('expenses.get', { expenseId: a.ids.expense })).expense.version, branchId: a.ids.branch, payee: '物业公司' }),
  },
  'expenses.void': {
    body: async (a) => {
      const expense = await a.call('expenses.record', { requestId: ulid(), branchId: a.ids.branch, kind: 'expense', category: 'utilities', amountFen: 100, date: shanghaiDay(), payee: '电力公司' })
      return { expenseId: expense.id, version: expense.version, reason: '记错了' }
    },
  },
  'finance.closeDay': { body: (a) => ({ branchId: a.branch2, date: shanghaiDay(-1), revision: 0, countedCashFen: 0 }) },
  'finance.reopenDay': {
    body: async (a) => {
      await a.call('finance.closeDay', { branchId: a.branch2, date: shanghaiDay(-2), revision: 0, countedCashFen: 0 })
      return { branchId: a.branch2, date: shanghaiDay(-2), reason: '补录' }
    },
  },
  'commission.saveRule': {
    body: (a) => ({
      branchId: a.ids.branch,
      role: 'photographer',
      work: 'shoot',
      effectiveFrom: shanghaiDay(),
      base: 'order_value',
      calc: { kind: 'percent', basisPoints: 100 },
      overrides: [{ target: 'package', targetId: a.ids.package, calc: { kind: 'percent', basisPoints: 200 } }],
    }),
  },
  'orders.import': {
    body: (a) => ({ fileBase64: Buffer.from('\ufeffOrder No,Customer Phone,Package,Order Date,Total,Paid,Status\r\nE-1,13900139001,Two-hour portrait,2024-07-01,100,100,Ready\r\n').toString('base64'), dryRun: true, branchId: a.ids.branch }),
  },
  'reports.recompute': { body: (a) => ({ from: shanghaiDay(-1), to: shanghaiDay(), branchId: a.ids.branch }) },
  'notices.subscribe': { as: 'customer', body: async (a) => ({ orderId: await customersOrder(a), kinds: ['photos-ready'] }) },
  'survey.rate': {
    as: 'customer',
    body: async (a) => ({ orderId: await customersOrder(a), scores: { reception: 5, shoot: 5, makeup: 5, retouching: 5, product: 5 } }),
    own: 'PRECONDITION_FAILED',
  },
}

/** An order of the studio's signed-in customer: a held booking of their own. */
async function customersOrder(a: Studio) {
  return (await a.call('bookings.book', { packageId: a.ids.package, branchId: a.ids.branch, startsAt: a.nextSlot() }, a.amy.token)).orderId as string
}

/** Every item of a studio, to tell that a refused call wrote nothing. */
async function itemsOf(studioId: string) {
  const items: Record<string, unknown>[] = []
  let from: Record<string, unknown> | undefined
  do {
    const db = createDocumentClient({ tableName, endpoint: endpoint() })
    const page = await db.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: from, FilterExpression: 'begins_with(pk, :studio)', ExpressionAttributeValues: { ':studio': `STUDIO#${studioId}` } }))
    items.push(...(page.Items ?? []))
    from = page.LastEvaluatedKey
  } while (from)
  return items.sort((x, y) => `${x.pk}|${x.sk}`.localeCompare(`${y.pk}|${y.sk}`))
}

const writes = operations.filter((op) => !isRead(op as Operation)) as Operation[]

describe('references belong to the caller’s studio', () => {
  it('every reference field of every write is in the sweep (a new one cannot be added without a check)', () => {
    const uncovered = writes.filter((op) => referencePaths(op).length > 0 && !(op.name in FIXTURES)).map((op) => `${op.name}: ${referencePaths(op).join(', ')}`)
    expect(uncovered).toEqual([])
    const unknownKinds = writes.flatMap((op) => referencePaths(op).map((p) => p.split('.').pop()!.replace('[]', '')).filter((key) => !(key in KIND_OF)))
    expect(unknownKinds).toEqual([])
  })

  it('another studio’s id in any reference field is refused with NOT_FOUND or VALIDATION_FAILED, and nothing is written', async () => {
    const a = await studioWithRecords()
    const b = await studioWithRecords()
    const studioId = a.studio.studio.id
    const accepted: string[] = []
    const owns: string[] = []
    let tried = 0
    for (const op of writes) {
      const paths = referencePaths(op)
      if (!paths.length) continue
      const fixture = FIXTURES[op.name]!
      const token = fixture.as === 'customer' ? a.amy.token : a.admin
      const body = await Promise.resolve().then(() => fixture.body(a)).catch((error: unknown) => {
        throw new Error(`the sweep's own input for ${op.name} failed: ${error instanceof DomainError ? JSON.stringify([error.code, error.message, error.details]) : String(error)}`)
      })
      for (const path of paths) {
        const key = path.split('.').pop()!.replace('[]', '')
        const before = await itemsOf(studioId)
        const answer = await a.ops.call(op.name, withValue(body, path, b.ids[KIND_OF[key]!]), token).then(
          () => 'OK',
          (error: unknown) => {
            if (!(error instanceof DomainError)) throw error
            const fields = ((error.details as { fields?: { path: string }[] } | undefined)?.fields ?? []).map((f) => f.path)
            if (error.code === 'VALIDATION_FAILED' && !fields.some((f) => f.startsWith(path.split('[]')[0]!))) return `VALIDATION_FAILED on ${fields.join(',')}`
            return error.code
          },
        )
        if (answer !== 'NOT_FOUND' && answer !== 'VALIDATION_FAILED') accepted.push(`${op.name} ${path}: ${answer}`)
        else if (JSON.stringify(await itemsOf(studioId)) !== JSON.stringify(before)) accepted.push(`${op.name} ${path}: refused, but wrote`)
        tried++
      }
      const own = await a.ops.call(op.name, body, token).then(
        () => 'OK',
        (error: unknown) => (error instanceof DomainError ? (error.code === (fixture.own ?? 'OK') ? error.code : `${error.code} ${error.message} ${JSON.stringify(error.details ?? '')}`) : String(error)),
      )
      if (own !== (fixture.own ?? 'OK')) owns.push(`${op.name}: ${own}`)
    }
    expect({ accepted, owns }).toEqual({ accepted: [], owns: [] })
    expect(tried).toBeGreaterThan(70)
  }, 600_000)

  it('a disabled staff member gets no new shoot or follow-up, and an archived package or retired product is not sold again', async () => {
    const s = await bookableStudio(deps, { photographers: 2, rooms: 1 })
    const admin = await s.sign('admin')
    const fieldsOf = (error: unknown) => ((error as DomainError).details as { fields: { path: string }[] }).fields.map((f) => f.path)
    const refusal = (name: string, input: unknown) => s.ops.call(name, input, admin).then(() => 'OK', (error: unknown) => (error instanceof DomainError ? `${error.code} ${error.code === 'VALIDATION_FAILED' ? fieldsOf(error).join(',') : ''}`.trim() : Promise.reject(error)))
    const customerId = (await s.ops.call('customers.create', { name: '周先生', phone: '13900009999' }, admin)).id as string
    const [gone, working] = s.photographers.map((p) => p.id)
    await s.ops.call('staff.setStatus', { staffId: gone, status: 'disabled' }, admin)

    const booking = { packageId: s.pkg.id, branchId: s.branchId, customerId }
    expect(await refusal('bookings.book', { ...booking, startsAt: at(shanghaiDay(4), '10:00'), photographerId: gone })).toBe('VALIDATION_FAILED photographerId')
    expect(await refusal('followUps.create', { customerId, dueDate: shanghaiDay(7), assigneeId: gone, note: '回访' })).toBe('VALIDATION_FAILED assigneeId')
    // A shoot moved to another time cannot be given to them either.
    const held = await s.ops.call('bookings.book', { ...booking, startsAt: at(shanghaiDay(4), '10:00'), photographerId: working }, admin)
    expect(await refusal('bookings.reschedule', { appointmentId: held.id, startsAt: at(shanghaiDay(5), '10:00'), photographerId: gone })).toBe('VALIDATION_FAILED photographerId')
    expect(await refusal('followUps.create', { customerId, dueDate: shanghaiDay(7), assigneeId: working, note: '回访' })).toBe('OK')

    // A product taken off sale is not added to an order; a package archived is neither sold nor booked.
    const product = await s.ops.call('catalog.createProduct', { name: '相框', priceFen: 30000, unit: '个', consumesStock: false }, admin)
    await s.ops.call('catalog.updateProduct', { productId: product.id, version: product.version, active: false, name: '相框', priceFen: 30000, unit: '个', consumesStock: false }, admin)
    expect(await refusal('orders.create', { requestId: ulid(), customerId, packageId: s.pkg.id, addOns: [{ kind: 'product', productId: product.id, quantity: 1 }] })).toBe('VALIDATION_FAILED addOns.0.productId')
    await s.ops.call('catalog.setPackageActive', { packageId: s.pkg.id, active: false }, admin)
    expect(await refusal('orders.create', { requestId: ulid(), customerId, packageId: s.pkg.id })).toBe('NOT_FOUND')
    expect(await refusal('bookings.book', { ...booking, startsAt: at(shanghaiDay(6), '10:00') })).toBe('NOT_FOUND')
    expect((await s.ops.call('orders.ofCustomer', { customerId }, admin)).items).toHaveLength(1)
  }, 120_000)

  it('the follow-up’s transaction itself refuses an assignee who left or a customer of another studio, whatever was read before it', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const other = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const admin = await s.sign('admin')
    const customer = await s.ops.call('customers.create', { name: '吴小姐', phone: '13900008888' }, admin)
    const theirs = await other.ops.call('customers.create', { name: '别家客人', phone: '13900008888' }, await other.sign('admin'))
    const leaving = s.photographers[0]!.id
    // The use case read the assignee while still working; they are disabled before the write lands.
    await s.ops.call('staff.setStatus', { staffId: leaving, status: 'disabled' }, admin)
    const record = { id: ulid(), studioId: s.studio.studio.id, customerId: customer.id, customerName: customer.name, dueDate: shanghaiDay(3), assigneeId: leaving, note: '回访', status: 'open' as const, createdAt: new Date().toISOString() }
    const refused = await deps.customers.createFollowUp(record).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DomainError)
    expect((refused as DomainError).details).toEqual({ fields: [expect.objectContaining({ path: 'assigneeId' })] })
    const foreign = await deps.customers.createFollowUp({ ...record, id: ulid(), customerId: theirs.id, assigneeId: s.studio.staff['reception']!.id }).catch((error: unknown) => error)
    expect((foreign as DomainError).code).toBe('NOT_FOUND')
    expect(await itemsOf(s.studio.studio.id).then((items) => items.filter((i) => String(i.sk).startsWith('FOLLOWUP#')))).toEqual([])
    await deps.customers.createFollowUp({ ...record, id: ulid(), assigneeId: s.studio.staff['reception']!.id })
    expect(await itemsOf(s.studio.studio.id).then((items) => items.filter((i) => String(i.sk).startsWith('FOLLOWUP#')))).toHaveLength(1)
  }, 60_000)
})
