import { copyFile, link, mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { TZDate } from '@date-fns/tz'
import { addDays, format } from 'date-fns'
import * as prand from 'pure-rand'
import { ulid } from 'ulid'
import { dispatch, findOperation } from '../../functions/api/dispatch'
import type { AppDeps } from '../../functions/api/implementations'
import { DomainError } from '../../functions/domain/errors'
import { newSession, signSession } from '../../functions/identity/sessions'
import { META_SUFFIX, pathForKey } from '../../functions/integrations/file-store/local'
import type { SourceChannel } from '../../types/customers'

const ZONE = 'Asia/Shanghai'
const MEDIA = join(__dirname, '..', 'demo-media', 'demo')
const PHOTOS = ['wedding-classic', 'wedding-garden', 'portrait', 'family', 'kids', 'maternity', 'album']

/** Who does each kind of work at a branch (user names of the studio's staff). */
export interface BranchCrew {
  desk: string
  finance: string
  retoucher: string
}

export interface HistoryOptions {
  /** Same seed, same studio history: every choice below is drawn from it. */
  seed: number
  /** How far back the history starts, in days before `until`. */
  days: number
  /** The last day of the history (the studio's today); defaults to now. */
  until?: Date
  studioCode: string
  /** Branch ids in the studio's order, with the staff who work the desk, the books and the retouching there. */
  branches: { id: string; crew: BranchCrew }[]
  /** Mean new enquiries a branch gets a day. */
  leadsPerDay?: number
  /** The local file store's folder (the deps' FILES_DIR), where the proofs and designs are put as if uploaded. */
  filesDir: string
  log?: (line: string) => void
}

/** What the generator did on one studio day at one branch, in the studio's own words: the figures a daily report must show. */
export interface DayTally {
  newCustomers: number
  newOrders: number
  shootsDone: number
  cancelled: number
  receivedFen: Record<string, number>
  refundedFen: number
  expensesFen: number
  extraPhotos: number
  extraPhotosFen: number
  /** Add-ons sold while the customer picked photos (升级加项), on the day the selection was confirmed. */
  upgradesFen: number
}

export interface HistoryRecord {
  seed: number
  firstDay: string
  lastDay: string
  orders: number
  calls: number
  /** How often each operation was called and how long it took in all. */
  operations: Record<string, { count: number; ms: number }>
  /** branchId → studio date (yyyy-MM-dd) → tally. */
  days: Record<string, Record<string, DayTally>>
}

const emptyTally = (): DayTally => ({
  newCustomers: 0,
  newOrders: 0,
  shootsDone: 0,
  cancelled: 0,
  receivedFen: {},
  refundedFen: 0,
  expensesFen: 0,
  extraPhotos: 0,
  extraPhotosFen: 0,
  upgradesFen: 0,
})

/** A seeded source of choices. */
export class Dice {
  private readonly gen: prand.RandomGenerator
  constructor(seed: number) {
    this.gen = prand.xoroshiro128plus(seed)
  }
  int(min: number, max: number) {
    return prand.unsafeUniformIntDistribution(min, max, this.gen)
  }
  chance(p: number) {
    return this.int(0, 9_999) < p * 10_000
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!
  }
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    const total = table.reduce((sum, [, w]) => sum + w, 0)
    let roll = this.int(0, total - 1)
    for (const [value, weight] of table) {
      if (roll < weight) return value
      roll -= weight
    }
    return table[0]![0]
  }
  /** A count with the given mean (Poisson, by Knuth's method). */
  poisson(mean: number) {
    const limit = Math.exp(-mean)
    let k = 0
    let p = 1
    do {
      k++
      p *= this.int(0, 1_000_000) / 1_000_000
    } while (p > limit)
    return k - 1
  }
}

const CHANNELS: readonly (readonly [SourceChannel, number])[] = [
  ['xiaohongshu', 30],
  ['dianping', 22],
  ['douyin', 18],
  ['referral', 12],
  ['walk_in', 8],
  ['meituan', 6],
  ['wechat', 4],
]
const DESK_METHODS = [
  ['cash', 2],
  ['card', 5],
  ['transfer', 3],
] as const
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾'
const GIVEN = ['雨涵', '思琪', '子轩', '佳怡', '浩然', '欣怡', '梓涵', '诗雨', '一诺', '晨曦', '可馨', '宇航', '雅静', '俊杰', '梦瑶', '天佑']

type Step = { day: number; run: () => Promise<void> }

/**
 * Months of a studio's life laid down through the same operations the app calls, each with
 * the request time it would have had: enquiries from several channels become customers and
 * orders (at the desk, or booked and paid in the mini-program), deposits and balances are
 * taken by WeChat Pay and at the desks in cash, card and transfer, finance audits them, some
 * bookings are moved or cancelled, shoots go through selection (extra photos and upgrades sold) to the
 * lab and pick-up, stock is bought and consumed, expenses are booked and customers are
 * called back. Every choice comes from the seed, so one seed always makes the same history.
 */
export async function generateHistory(deps: AppDeps, options: HistoryOptions): Promise<HistoryRecord> {
  const dice = new Dice(options.seed)
  const log = options.log ?? (() => {})
  const until = options.until ?? new Date()
  const today = new TZDate(until, ZONE)
  const firstDay = startOfStudioDay(addDays(today, -options.days))
  const dayDate = (day: number) => addDays(firstDay, day)
  const dayKey = (day: number) => format(dayDate(day), 'yyyy-MM-dd')
  const at = (day: number, hour: number, minute = 0) => {
    const d = dayDate(day)
    return new Date(new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), hour, minute, 0, ZONE).getTime())
  }
  const lastDay = options.days
  const record: HistoryRecord = { seed: options.seed, firstDay: dayKey(0), lastDay: dayKey(lastDay), orders: 0, calls: 0, operations: {}, days: {} }
  const tally = (branchId: string, day: number) => {
    const branch = (record.days[branchId] ??= {})
    return (branch[dayKey(day)] ??= emptyTally())
  }

  const studio = await deps.repo.findStudioByCode(options.studioCode)
  if (!studio) throw new Error(`no studio ${options.studioCode}`)
  const staffByName = new Map<string, { id: string; credentialVersion: number; branchId?: string }>()
  const staffById = new Map<string, string>()
  const staffOf = async (username: string) => {
    let staff = staffByName.get(username)
    if (!staff) {
      const found = await deps.repo.findStaffByUsername(studio.id, username)
      if (!found) throw new Error(`no staff ${username} in ${options.studioCode}`)
      staff = { id: found.id, credentialVersion: found.credentialVersion, branchId: found.branchId }
      staffByName.set(username, staff)
      staffById.set(found.id, username)
    }
    return staff
  }

  /** A working day's session for one person, opened at that day's start like a sign-in would. */
  const sessions = new Map<string, string>()
  const tokenOf = async (subject: { kind: 'staff' | 'customer'; id: string; credentialVersion?: number }, day: number) => {
    const key = `${subject.id}@${day}`
    let token = sessions.get(key)
    if (!token) {
      const session = newSession({ ...subject, studioId: studio.id }, at(day, 8))
      await deps.repo.putSession(session)
      token = await signSession(deps.tokens, session)
      sessions.set(key, token)
      for (const old of sessions.keys()) if (!old.endsWith(`@${day}`) && !old.endsWith(`@${day - 1}`)) sessions.delete(old)
    }
    return token
  }
  const as = async (username: string, day: number) => tokenOf({ kind: 'staff', ...(await staffOf(username)) }, day)

  const call = async (op: string, input: unknown, token: string, now: Date): Promise<any> => {
    const operation = findOperation(op)
    if (!operation) throw new Error(`no operation ${op}`)
    record.calls++
    const t0 = performance.now()
    try {
      return await dispatch(deps, operation, input, { token }, { requestId: ulid(), now })
    } catch (error) {
      if (error instanceof DomainError) error.message = `${op}: ${error.message} ${JSON.stringify(error.details ?? {})}`
      throw error
    } finally {
      const timing = (record.operations[op] ??= { count: 0, ms: 0 })
      timing.count++
      timing.ms += performance.now() - t0
    }
  }
  /** A step a person might fail at for a business reason (slot gone, stock short): the reason, or undefined. */
  const attempt = async (fn: () => Promise<unknown>) => {
    try {
      await fn()
      return undefined
    } catch (error) {
      if (error instanceof DomainError) return error
      throw error
    }
  }

  // The studio's packages per branch, and the stock items the lab consumes.
  const admin = (await deps.repo.findStaffByUsername(studio.id, 'admin'))!
  const adminToken = await tokenOf({ kind: 'staff', id: admin.id, credentialVersion: admin.credentialVersion }, 0)
  const packages = (await call('catalog.listPackages', {}, adminToken, at(0, 8))).items as {
    id: string
    name: string
    priceFen: number
    retouchedPhotos: number
    extraPhotoPriceFen: number
    branchIds: string[]
  }[]
  const stockItems = (await call('inventory.listItems', {}, adminToken, at(0, 8))).items as { id: string; name: string }[]
  const products = ((await call('catalog.listProducts', {}, adminToken, at(0, 8))).items as { id: string; active: boolean }[]).filter((p) => p.active)
  for (const member of (await call('staff.list', {}, adminToken, at(0, 8))).items as { id: string; username: string }[]) staffById.set(member.id, member.username)

  const agenda: Step[] = []
  const later = (day: number, run: () => Promise<void>) => {
    if (day <= lastDay) agenda.push({ day, run })
  }

  const addPhotos = async (orderId: string, kind: 'proof' | 'design', count: number, token: string, now: Date) => {
    const files = Array.from({ length: count }, (_, i) => ({ name: `${kind === 'proof' ? 'IMG' : 'PAGE'}_${String(i + 1).padStart(4, '0')}.jpg`, contentType: 'image/jpeg' }))
    // The app uploads at most 50 files a batch.
    const items: { photoId: string; upload: { fields: Record<string, string> } }[] = []
    for (let i = 0; i < files.length; i += 50) items.push(...(await call('photos.prepareUploads', { orderId, kind, files: files.slice(i, i + 50) }, token, now)).items)
    for (const [i, item] of items.entries()) {
      const path = pathForKey(options.filesDir, item.upload.fields.key!)
      await mkdir(dirname(path), { recursive: true })
      // Months of proofs are many files: linked to the demo pictures where the disk allows it, not copied.
      const picture = join(MEDIA, `${PHOTOS[i % PHOTOS.length]}.jpg`)
      await link(picture, path).catch(() => copyFile(picture, path))
      await writeFile(path + META_SUFFIX, JSON.stringify({ contentType: 'image/jpeg' }))
    }
    return items
  }

  const takeMoney = async (branch: HistoryOptions['branches'][number], day: number, orderId: string, kind: string, amountFen: number) => {
    if (amountFen <= 0) return
    const now = at(day, dice.int(10, 17), dice.pick([0, 15, 30, 45]))
    const method = dice.weighted(DESK_METHODS)
    const detail = await call('payments.recordOffline', { orderId, requestId: ulid(), kind, method, amountFen }, await as(branch.crew.desk, day), now)
    const t = tally(branch.id, day)
    t.receivedFen[method] = (t.receivedFen[method] ?? 0) + amountFen
    const payment = (detail.payments as { id: string; kind: string; amountFen: number }[]).at(-1)!
    // Finance checks the desk's takings against the till and the bank the next working day (mostly).
    if (dice.chance(0.92)) {
      const auditDay = day + dice.int(1, 3)
      later(auditDay, async () => {
        await call('payments.audit', { orderId, paymentId: payment.id }, await as(branch.crew.finance, auditDay), at(auditDay, 10))
      })
    }
    return payment
  }

  /** The customer's own life in the order, from the booked shoot to pick-up. */
  const followOrder = (branch: HistoryOptions['branches'][number], order: { id: string; totalFen: number }, pkg: (typeof packages)[number], appointment: { id: string; startsAt: string; photographerId: string }, bookedDay: number) => {
    const shootDay = bookedDay + Math.round((Date.parse(appointment.startsAt) - at(bookedDay, 0).getTime()) / 86_400_000)
    // Some couples move their shoot, a few cancel before it.
    if (dice.chance(0.1)) {
      const changeDay = bookedDay + 1
      later(changeDay, async () => {
        const now = at(changeDay, 11)
        const desk = await as(branch.crew.desk, changeDay)
        const from = format(new TZDate(addDays(new TZDate(Date.parse(appointment.startsAt), ZONE), 2).getTime(), ZONE), 'yyyy-MM-dd')
        const to = format(new TZDate(addDays(new TZDate(Date.parse(appointment.startsAt), ZONE), 9).getTime(), ZONE), 'yyyy-MM-dd')
        const { slots } = await call('bookings.availability', { packageId: pkg.id, branchId: branch.id, from, to }, desk, now)
        if (!slots.length) return
        const slot = dice.pick(slots as { startsAt: string }[])
        const moved = await attempt(() => call('bookings.reschedule', { appointmentId: appointment.id, startsAt: slot.startsAt }, desk, now))
        if (!moved) {
          const updated = await call('orders.get', { orderId: order.id }, desk, now)
          followShoot(branch, order, pkg, { ...appointment, startsAt: updated.order.shootAt ?? slot.startsAt }, changeDay)
        } else followShoot(branch, order, pkg, appointment, changeDay)
      })
      return
    }
    if (dice.chance(0.07)) {
      const cancelDay = Math.min(shootDay - 8, bookedDay + dice.int(1, 4))
      if (cancelDay > bookedDay) {
        later(cancelDay, async () => {
          const desk = await as(branch.crew.desk, cancelDay)
          const failed = await attempt(() => call('bookings.cancel', { appointmentId: appointment.id, reason: '客户行程变动' }, desk, at(cancelDay, 15)))
          if (!failed) tally(branch.id, cancelDay).cancelled++
        })
        return
      }
    }
    followShoot(branch, order, pkg, appointment, bookedDay)
  }

  const followShoot = (branch: HistoryOptions['branches'][number], order: { id: string; totalFen: number }, pkg: (typeof packages)[number], appointment: { startsAt: string; photographerId: string }, _fromDay: number) => {
    const shootDay = Math.round((Date.parse(appointment.startsAt) - at(0, 0).getTime()) / 86_400_000)
    const photographer = staffById.get(appointment.photographerId)
    later(shootDay, async () => {
      const now = at(shootDay, 19)
      const who = photographer ? await as(photographer, shootDay) : await as(branch.crew.desk, shootDay)
      await call('orders.advance', { orderId: order.id, from: 'confirmed', to: 'shot' }, who, now)
      tally(branch.id, shootDay).shootsDone++
      // The balance is usually paid on the day, sometimes later.
      const detail = await call('orders.get', { orderId: order.id }, await as(branch.crew.desk, shootDay), now)
      if (dice.chance(0.8)) await takeMoney(branch, shootDay, order.id, 'balance', detail.order.balanceFen)
      const proofDay = shootDay + dice.int(2, 5)
      later(proofDay, () => selectPhotos(branch, order.id, pkg, proofDay))
    })
  }

  /**
   * An upgrade (升级加项) the desk sells while the customer picks photos: more album pages or one
   * of the studio's products, added to the order; now and then taken back before the selection
   * is confirmed. Answers what it added to the order.
   */
  const sellUpgrade = async (orderId: string, desk: string, day: number) => {
    const product = products.length && dice.chance(0.5) ? dice.pick(products) : undefined
    const addOn = product ? { kind: 'product', productId: product.id, quantity: dice.int(1, 2) } : { kind: 'service', name: '相册加页 10P', amountFen: dice.pick([40_000, 60_000, 80_000]) }
    const { order } = await call('orders.get', { orderId }, desk, at(day, 13))
    const sold = await call('orders.update', { orderId, version: order.version, addOns: [addOn] }, desk, at(day, 13, 20))
    if (!dice.chance(0.15)) return sold.totalFen - order.totalFen
    await call('orders.update', { orderId, version: sold.version, addOns: [] }, desk, at(day, 13, 40))
    return 0
  }

  const selectPhotos = async (branch: HistoryOptions['branches'][number], orderId: string, pkg: (typeof packages)[number], day: number) => {
    const desk = await as(branch.crew.desk, day)
    const proofs = await addPhotos(orderId, 'proof', pkg.retouchedPhotos + 12, desk, at(day, 10))
    await call('orders.advance', { orderId, from: 'shot', to: 'selecting' }, desk, at(day, 10, 30))
    const selectDay = day + dice.int(1, 4)
    later(selectDay, async () => {
      const desk = await as(branch.crew.desk, selectDay)
      // The upsell: about half of the customers take extra photos at selection, some an upgrade.
      const upgradeFen = dice.chance(0.3) ? await sellUpgrade(orderId, desk, selectDay) : 0
      const extra = dice.chance(0.5) ? dice.int(1, 12) : 0
      const detail = await call('selection.confirm', { orderId, photoIds: proofs.slice(0, pkg.retouchedPhotos + extra).map((p) => p.photoId) }, desk, at(selectDay, 14))
      const t = tally(branch.id, selectDay)
      t.extraPhotos += extra
      t.extraPhotosFen += extra * pkg.extraPhotoPriceFen
      t.upgradesFen += upgradeFen
      const balance = detail.balanceFen as number
      const payment = balance > 0 ? await takeMoney(branch, selectDay, orderId, extra ? 'extra_photos' : 'balance', balance) : undefined
      // Now and then a customer thinks better of a few extra photos and gets their price back.
      if (payment && extra > 2 && dice.chance(0.1)) {
        const refundDay = selectDay + 1
        const amountFen = 2 * pkg.extraPhotoPriceFen
        later(refundDay, async () => {
          const finance = await as(branch.crew.finance, refundDay)
          const refused = await attempt(() => call('payments.refund', { orderId, paymentId: payment.id, requestId: ulid(), amountFen, reason: '客户退两张加选' }, finance, at(refundDay, 11)))
          if (!refused) tally(branch.id, refundDay).refundedFen += amountFen
        })
      }
      const retouchDay = selectDay + dice.int(1, 3)
      later(retouchDay, () => produce(branch, orderId, retouchDay))
    })
  }

  const produce = async (branch: HistoryOptions['branches'][number], orderId: string, day: number) => {
    const retoucher = await as(branch.crew.retoucher, day)
    await call('orders.take', { orderId }, retoucher, at(day, 10))
    const designDay = day + dice.int(2, 5)
    later(designDay, async () => {
      const retoucher = await as(branch.crew.retoucher, designDay)
      await call('orders.advance', { orderId, from: 'retouching', to: 'designing' }, retoucher, at(designDay, 11))
      await addPhotos(orderId, 'design', 3, retoucher, at(designDay, 16))
      await call('orders.advance', { orderId, from: 'designing', to: 'proofing' }, retoucher, at(designDay, 17))
      const approveDay = designDay + dice.int(1, 4)
      later(approveDay, async () => {
        const desk = await as(branch.crew.desk, approveDay)
        await call('proofs.decide', { orderId, decision: 'approve' }, desk, at(approveDay, 15))
        const short = await attempt(() => call('orders.sendToLab', { orderId }, desk, at(approveDay, 16)))
        if (short) {
          // The lab needs materials the branch has run out of: buy them in and send again.
          await restock(branch, approveDay, 6)
          await call('orders.sendToLab', { orderId }, desk, at(approveDay, 17))
        }
        const readyDay = approveDay + dice.int(4, 8)
        later(readyDay, async () => {
          const desk = await as(branch.crew.desk, readyDay)
          await call('orders.advance', { orderId, from: 'producing', to: 'ready' }, desk, at(readyDay, 11))
          const pickUpDay = readyDay + dice.int(1, 10)
          later(pickUpDay, async () => {
            const desk = await as(branch.crew.desk, pickUpDay)
            const detail = await call('orders.get', { orderId }, desk, at(pickUpDay, 15))
            await takeMoney(branch, pickUpDay, orderId, 'balance', detail.order.balanceFen)
            await call('orders.advance', { orderId, from: 'ready', to: 'completed' }, desk, at(pickUpDay, 15, 30))
            // A month later reception calls to ask how the album is liked (and about a referral).
            const callDay = pickUpDay + 30
            const followUp = await call('followUps.create', { customerId: detail.order.customerId, dueDate: dayKey(Math.min(callDay, lastDay + 30)), note: '回访：成品满意度与转介绍' }, desk, at(pickUpDay, 16))
            later(callDay, async () => {
              const outcome = dice.weighted([['reached', 6], ['no_answer', 2], ['booked', 1], ['later', 1]] as const)
              await call('followUps.complete', { customerId: detail.order.customerId, followUpId: followUp.id, outcome }, await as(branch.crew.desk, callDay), at(callDay, 11))
            })
          })
        })
      })
    })
  }

  const restock = async (branch: HistoryOptions['branches'][number], day: number, quantity: number) => {
    const token = await as(branch.crew.finance, day)
    for (const item of stockItems) {
      await call('inventory.purchase', { requestId: ulid(), branchId: branch.id, itemId: item.id, quantity, unitCostFen: dice.int(20, 400) * 100, supplier: '广州影像材料厂' }, token, at(day, 9, 30))
    }
  }

  const expense = async (branch: HistoryOptions['branches'][number], day: number, category: string, amountFen: number, payee: string) => {
    await call('expenses.record', { requestId: ulid(), branchId: branch.id, kind: 'expense', category, amountFen, date: dayKey(day), payee }, await as(branch.crew.finance, day), at(day, 18))
    tally(branch.id, day).expensesFen += amountFen
  }

  /** A new enquiry: a customer from some channel, who mostly buys a package and books a shoot. */
  const enquiry = async (branch: HistoryOptions['branches'][number], day: number, n: number) => {
    const now = at(day, dice.int(10, 18), dice.pick([0, 20, 40]))
    const desk = await as(branch.crew.desk, day)
    const source = dice.weighted(CHANNELS)
    const phone = `13${options.seed % 10}${options.branches.indexOf(branch)}${String(day).padStart(4, '0')}${String(n).padStart(3, '0')}`
    const name = dice.pick([...SURNAMES]) + dice.pick(GIVEN)
    const online = dice.chance(0.3)
    const t = tally(branch.id, day)
    let customerId: string
    let customerToken: string | undefined
    if (online) {
      const signedIn = await call('auth.wechatSignIn', { studioCode: options.studioCode, code: `dev:hist-${options.seed}-${day}-${branch.id.slice(-4)}-${n}`, nickname: name }, '', now)
      customerId = signedIn.principal.id
      customerToken = signedIn.token
      await call('customers.update', { customerId, version: 1, name, phone, source }, desk, now)
    } else {
      customerId = (await call('customers.create', { name, phone, source, tags: [] }, desk, now)).id
    }
    t.newCustomers++
    // Not everyone buys: the rest get a follow-up call in a few days.
    if (dice.chance(0.25)) {
      const callDay = day + dice.int(2, 6)
      const followUp = await call('followUps.create', { customerId, dueDate: dayKey(callDay), note: '跟进咨询：套系与档期' }, desk, now)
      later(callDay, async () => {
        const outcome = dice.weighted([['no_answer', 3], ['not_interested', 3], ['later', 2], ['reached', 2]] as const)
        await call('followUps.complete', { customerId, followUpId: followUp.id, outcome }, await as(branch.crew.desk, callDay), at(callDay, 11))
      })
      return
    }
    const offered = packages.filter((p) => p.branchIds.includes(branch.id))
    const pkg = dice.pick(offered)
    const from = dayKey(day + dice.int(3, 12))
    const to = dayKey(day + dice.int(13, 24))
    const { slots } = await call('bookings.availability', { packageId: pkg.id, branchId: branch.id, from, to }, desk, now)
    if (!slots.length) return
    const slot = dice.pick(slots as { startsAt: string }[])
    if (online && customerToken) {
      // Booked in the mini-program: a held slot and an order awaiting its deposit, paid by WeChat Pay — or left to lapse.
      const booked = await attempt(async () => {
        const appointment = await call('bookings.book', { packageId: pkg.id, branchId: branch.id, startsAt: slot.startsAt }, customerToken!, now)
        t.newOrders++
        record.orders++
        if (!dice.chance(0.85)) return
        const prepay = await call('payments.prepay', { orderId: appointment.orderId, kind: 'deposit' }, customerToken!, now)
        const paid = await call('payments.simulatePay', { orderId: appointment.orderId, outTradeNo: prepay.outTradeNo }, customerToken!, new Date(now.getTime() + 120_000))
        t.receivedFen.wechat = (t.receivedFen.wechat ?? 0) + prepay.amountFen
        followOrder(branch, paid.order, pkg, appointment, day)
      })
      if (booked) log(`    ${dayKey(day)}: online booking refused (${booked.code})`)
      return
    }
    // A returning customer's discount, within what reception may give (10%).
    const discountFen = dice.chance(0.2) ? Math.floor(pkg.priceFen / 1000) * 50 : 0
    const order = await call('orders.create', { requestId: ulid(), customerId, packageId: pkg.id, branchId: branch.id, discountFen, ...(discountFen ? { discountReason: '老客户优惠' } : {}) }, desk, now)
    t.newOrders++
    record.orders++
    await takeMoney(branch, day, order.id, 'deposit', order.depositFen)
    const appointment = await call('bookings.book', { packageId: pkg.id, branchId: branch.id, startsAt: slot.startsAt, orderId: order.id, customerId }, desk, now)
    followOrder(branch, order, pkg, appointment, day)
  }

  const started = Date.now()
  for (let day = 0; day <= lastDay; day++) {
    for (const branch of options.branches) {
      const date = dayDate(day)
      if (day === 0) await restock(branch, day, 12)
      if (date.getDate() === 1) {
        await expense(branch, day, 'rent', branch === options.branches[0] ? 6_800_000 : 3_500_000, '物业公司')
        await expense(branch, day, 'utilities', dice.int(1_800, 3_200) * 100, '国网上海电力')
      }
      if (date.getDay() === 1) {
        await expense(branch, day, 'marketing', dice.int(800, 2_500) * 100, dice.pick(['小红书推广', '大众点评推广通', '抖音巨量引擎']))
        await restock(branch, day, 4)
      }
      if (dice.chance(0.15)) await expense(branch, day, dice.pick(['props', 'supplies']), dice.int(80, 1_500) * 100, dice.pick(['淘宝', '京东', '婚纱供应商']))
      const leads = dice.poisson(options.leadsPerDay ?? 2)
      for (let n = 0; n < leads; n++) await enquiry(branch, day, n)
    }
    // Today's steps, in the order they were planned (each may plan more for today or later).
    for (let i = 0; i < agenda.length; i++) {
      const step = agenda[i]!
      if (step.day !== day) continue
      agenda.splice(i--, 1)
      await step.run()
    }
    if (day % 15 === 0) log(`    ${dayKey(day)}: ${record.orders} orders, ${record.calls} operations (${((Date.now() - started) / 1000).toFixed(0)}s)`)
  }
  return record
}

function startOfStudioDay(d: Date) {
  const local = new TZDate(d.getTime(), ZONE)
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), 0, 0, 0, ZONE)
}
