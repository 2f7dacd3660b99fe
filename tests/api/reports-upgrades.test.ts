import { studioDate } from '../../functions/domain/time'
import { http, ok, signIn } from '../support/http'
import { packageUsing, type StaffTokens } from '../support/production'
import { orderInSelection } from '../support/selection'
import { newStudio } from '../support/studio'

const albumPages = { kind: 'service', name: '相册加页 10P', amountFen: 30_000 } as const
const makeupUpgrade = { kind: 'service', name: '化妆升级', amountFen: 20_000 } as const
const woodStand = { kind: 'service', name: '实木摆台', amountFen: 10_000 } as const

/**
 * Upgrades sold at selection (选片): add-ons the desk adds to an order while its customer picks
 * photos count in the upsell report with the extra photos, for whoever confirms the selection,
 * on the day it is confirmed. Add-ons sold before selection or after it do not; taking one back
 * during selection takes it off again.
 */
describe('upgrades sold at selection in the upsell report', () => {
  const today = studioDate(new Date(), 'Asia/Shanghai')
  const tokens = {} as StaffTokens & { admin: string }
  let branchId: string
  let packageId: string
  let staff: Record<string, { id: string }>
  const report = async (name: string) => ok(await http('GET', `/reports/${name}?${new URLSearchParams({ from: today, to: today, branchId })}`, { token: tokens.admin }), `${name} report`)
  const order = async (orderId: string) => ok(await http('GET', `/orders/${orderId}`, { token: tokens.reception }), 'order').order
  /** The desk sets the order's add-ons (the whole list, as the order page sends it). */
  const setAddOns = async (orderId: string, addOns: unknown[], token = tokens.reception) => {
    const { version } = await order(orderId)
    return http('PATCH', `/orders/${orderId}`, { token, body: { orderId, version, addOns } })
  }

  const orderSelecting = (addOns: unknown[] = []) => orderInSelection(tokens, packageId, branchId, addOns)
  const confirm = (orderId: string, photoIds: string[], token = tokens.reception) => http('POST', `/orders/${orderId}/selection/confirm`, { token, body: { photoIds } })

  beforeAll(async () => {
    const studio = await newStudio(undefined, '加项影楼')
    staff = studio.staff
    branchId = studio.branches[0]!.id
    for (const username of ['reception', 'photographer', 'retoucher', 'manager', 'finance', 'admin'] as const) tokens[username] = await signIn(studio.code, username)
    packageId = (await packageUsing(tokens, branchId, [])).id
  }, 120_000)

  it('counts ¥300.00 of album pages added at selection for the desk that confirmed it, not the makeup upgrade sold before nor the stand sold after', async () => {
    const before = await report('upsell')
    const { orderId, proofs } = await orderSelecting([makeupUpgrade])
    ok(await setAddOns(orderId, [makeupUpgrade, albumPages]), 'album pages added during selection')
    // Only the package's one photo: no extra photos, the upgrade alone makes it an upsold order.
    ok(await confirm(orderId, [proofs[0]!]), 'selection')
    ok(await setAddOns(orderId, [makeupUpgrade, albumPages, woodStand]), 'stand added after selection')
    const after = await report('upsell')
    expect(after.current.selectedOrders - before.current.selectedOrders).toBe(1)
    expect(after.current.upsoldOrders - before.current.upsoldOrders).toBe(1)
    expect(after.current.upgradesFen - before.current.upgradesFen).toBe(30_000)
    expect(after.current.amountFen - before.current.amountFen).toBe(30_000)
    expect(after.current.extraPhotosFen - before.current.extraPhotosFen).toBe(0)
    expect(after.current.byStaff).toEqual([
      expect.objectContaining({ staffId: staff.reception!.id, selectedOrders: 1, upsoldOrders: 1, rateBp: 10_000, extraPhotos: 0, extraPhotosFen: 0, upgradesFen: 30_000, amountFen: 30_000 }),
    ])
    // The whole sale is on the order: package, the three add-ons.
    expect((await order(orderId)).totalFen).toBe(99_900 + 20_000 + 30_000 + 10_000)
    const { current } = await report('staff')
    expect(current.staff.find((p: { staffId: string }) => p.staffId === staff.reception!.id)).toMatchObject({ selections: 1, upsellFen: 30_000 })
  }, 120_000)

  it('takes an upgrade back off when it is removed during selection, never below what was sold there; rate and amount per staff member', async () => {
    const before = await report('upsell')
    // Sold at selection, then thought better of: not an upgrade. Two extra photos (¥50.00 each) are.
    const changedMind = await orderSelecting()
    ok(await setAddOns(changedMind.orderId, [albumPages], tokens.manager), 'album pages added')
    ok(await setAddOns(changedMind.orderId, [], tokens.manager), 'album pages taken back')
    ok(await confirm(changedMind.orderId, changedMind.proofs, tokens.manager), 'selection with two extra photos')
    // Sold before selection and taken back during it: nothing was sold at selection, nothing is taken from it.
    const droppedEarlier = await orderSelecting([makeupUpgrade])
    ok(await setAddOns(droppedEarlier.orderId, [], tokens.manager), 'makeup upgrade taken back during selection')
    ok(await confirm(droppedEarlier.orderId, [droppedEarlier.proofs[0]!], tokens.manager), 'selection')
    const after = await report('upsell')
    expect(after.current.selectedOrders - before.current.selectedOrders).toBe(2)
    expect(after.current.upsoldOrders - before.current.upsoldOrders).toBe(1)
    expect(after.current.upgradesFen - before.current.upgradesFen).toBe(0)
    expect(after.current.amountFen - before.current.amountFen).toBe(10_000)
    const manager = after.current.byStaff.find((s: { staffId: string }) => s.staffId === staff.manager!.id)
    expect(manager).toEqual(
      expect.objectContaining({ selectedOrders: 2, upsoldOrders: 1, rateBp: 5_000, extraPhotos: 2, extraPhotosFen: 10_000, upgradesFen: 0, amountFen: 10_000 }),
    )
    // With the desk's order before: three selected, two upsold.
    expect(after.current).toMatchObject({ selectedOrders: 3, upsoldOrders: 2, rateBp: 6_667, upgradesFen: 30_000, amountFen: 40_000 })
  }, 120_000)

  it('credits the upgrade once when the same confirmation is sent twice at once and again afterwards', async () => {
    const { orderId, proofs } = await orderSelecting()
    ok(await setAddOns(orderId, [albumPages]), 'album pages added during selection')
    const before = await report('upsell')
    const answers = await Promise.all([confirm(orderId, [proofs[0]!]), confirm(orderId, [proofs[0]!])])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    const after = await report('upsell')
    expect(after.current.selectedOrders - before.current.selectedOrders).toBe(1)
    expect(after.current.upgradesFen - before.current.upgradesFen).toBe(30_000)
    const again = await confirm(orderId, [proofs[0]!])
    expect(again.body.error.code).toBe('SELECTION_LOCKED')
    expect(await report('upsell')).toEqual(after)
  }, 120_000)

  it('counts an upgrade racing the confirmation only if it was written before it, never twice and never after', async () => {
    for (let round = 0; round < 4; round++) {
      const before = await report('upsell')
      const { orderId, proofs } = await orderSelecting()
      const { version } = await order(orderId)
      const [edit, confirmed] = await Promise.all([
        http('PATCH', `/orders/${orderId}`, { token: tokens.reception, body: { orderId, version, addOns: [woodStand] } }),
        confirm(orderId, [proofs[0]!]),
      ])
      for (const answer of [edit, confirmed]) expect([200, 409, 412]).toContain(answer.status)
      const after = await report('upsell')
      const now = await order(orderId)
      const selected = confirmed.status === 200
      // Both written: the edit was read by the confirmation, so it was sold during selection.
      const sold = selected && edit.status === 200 ? 10_000 : 0
      expect(now.stage).toBe(selected ? 'retouching' : 'selecting')
      expect(now.totalFen).toBe(99_900 + (edit.status === 200 ? 10_000 : 0))
      expect(after.current.selectedOrders - before.current.selectedOrders).toBe(selected ? 1 : 0)
      expect(after.current.upgradesFen - before.current.upgradesFen).toBe(sold)
      expect(after.current.upsoldOrders - before.current.upsoldOrders).toBe(sold ? 1 : 0)
      // The one that lost can be done again: a refused confirmation confirms now, counting the stand.
      if (!selected) {
        ok(await confirm(orderId, [proofs[0]!]), 'selection again')
        expect((await report('upsell')).current.upgradesFen - before.current.upgradesFen).toBe(10_000)
      }
    }
  }, 300_000)

  it('refuses an add-on edit made from an order read before the selection was confirmed, and counts nothing for it', async () => {
    const { orderId, proofs } = await orderSelecting()
    const { version } = await order(orderId)
    ok(await confirm(orderId, [proofs[0]!]), 'selection')
    const before = await report('upsell')
    const stale = await http('PATCH', `/orders/${orderId}`, { token: tokens.reception, body: { orderId, version, addOns: [albumPages] } })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('VERSION_CONFLICT')
    expect(await report('upsell')).toEqual(before)
    expect((await order(orderId)).totalFen).toBe(99_900)
  }, 120_000)

  /** A frame on sale at the desk, and the manager changing its catalogue price. */
  const frameOnSale = async (name: string, priceFen: number) => ok(await http('POST', '/catalog/products', { token: tokens.manager, body: { name, priceFen, unit: '个', consumesStock: false } }), 'frame')
  const reprice = async (product: { id: string; name: string; unit: string; version: number }, priceFen: number) =>
    ok(await http('PUT', `/catalog/products/${product.id}`, { token: tokens.manager, body: { productId: product.id, version: product.version, name: product.name, priceFen, unit: product.unit, consumesStock: false, active: true } }), 'new price')
  const linesOf = async (orderId: string) => (await order(orderId)).addOns.map((a: { name: string; quantity: number; unitFen: number; amountFen: number }) => [a.name, a.quantity, a.unitFen, a.amountFen])

  it('keeps an add-on at the price it was sold for when the catalogue price changes and the same list is sent again; one more counts at today’s price', async () => {
    const frame = await frameOnSale('胡桃木相框', 30_000)
    const { orderId, proofs } = await orderSelecting()
    ok(await setAddOns(orderId, [{ kind: 'product', productId: frame.id, quantity: 1 }]), 'frame sold during selection')
    await reprice(frame, 40_000)
    ok(await setAddOns(orderId, [{ kind: 'product', productId: frame.id, quantity: 1 }]), 'the same list again')
    expect(await linesOf(orderId)).toEqual([['胡桃木相框', 1, 30_000, 30_000]])
    expect((await order(orderId)).totalFen).toBe(99_900 + 30_000)

    // A second frame is sold at today's price, beside the first at its own.
    ok(await setAddOns(orderId, [{ kind: 'product', productId: frame.id, quantity: 2 }]), 'one more frame')
    expect(await linesOf(orderId)).toEqual([
      ['胡桃木相框', 1, 30_000, 30_000],
      ['胡桃木相框', 1, 40_000, 40_000],
    ])
    // The desk's page sends the two lines back as they are: nothing changes.
    ok(await setAddOns(orderId, [{ kind: 'product', productId: frame.id, quantity: 1 }, { kind: 'product', productId: frame.id, quantity: 1 }]), 'the two lines again')
    expect((await order(orderId)).totalFen).toBe(99_900 + 30_000 + 40_000)

    const before = await report('upsell')
    ok(await confirm(orderId, [proofs[0]!]), 'selection')
    const after = await report('upsell')
    expect(after.current.upgradesFen - before.current.upgradesFen).toBe(70_000)
  }, 120_000)

  it('counts no upgrade for an add-on sold before selection whose catalogue price rose, when its list is sent again during selection', async () => {
    const frame = await frameOnSale('水晶摆台', 20_000)
    const { orderId, proofs } = await orderSelecting([{ kind: 'product', productId: frame.id, quantity: 2 }])
    await reprice(frame, 25_000)
    ok(await setAddOns(orderId, [{ kind: 'product', productId: frame.id, quantity: 2 }]), 'the same list again')
    expect(await linesOf(orderId)).toEqual([['水晶摆台', 2, 20_000, 40_000]])
    expect((await order(orderId)).totalFen).toBe(99_900 + 40_000)
    // One of the two taken back: the line sold before selection shrinks at its own price.
    ok(await setAddOns(orderId, [{ kind: 'product', productId: frame.id, quantity: 1 }]), 'one taken back')
    expect(await linesOf(orderId)).toEqual([['水晶摆台', 1, 20_000, 20_000]])
    ok(await setAddOns(orderId, [{ kind: 'product', productId: frame.id, quantity: 2 }]), 'and wanted again')
    expect((await order(orderId)).totalFen).toBe(99_900 + 20_000 + 25_000)

    const before = await report('upsell')
    ok(await confirm(orderId, [proofs[0]!]), 'selection')
    const after = await report('upsell')
    // Taken back at ¥200.00 and sold again at ¥250.00: ¥50.00 more was sold at selection.
    expect(after.current.upgradesFen - before.current.upgradesFen).toBe(5_000)
  }, 120_000)

  it('keeps a line whose product went off sale, and refuses selling more of it', async () => {
    const frame = await frameOnSale('复古铁艺框', 15_000)
    const { orderId } = await orderSelecting([{ kind: 'product', productId: frame.id, quantity: 1 }])
    ok(await http('PUT', `/catalog/products/${frame.id}`, { token: tokens.manager, body: { productId: frame.id, version: frame.version, name: frame.name, priceFen: frame.priceFen, unit: frame.unit, consumesStock: false, active: false } }), 'off sale')
    ok(await setAddOns(orderId, [{ kind: 'product', productId: frame.id, quantity: 1 }, albumPages]), 'the frame kept, album pages added')
    expect((await order(orderId)).totalFen).toBe(99_900 + 15_000 + 30_000)
    const more = await setAddOns(orderId, [{ kind: 'product', productId: frame.id, quantity: 2 }, albumPages])
    expect(more.status).toBe(400)
    expect(more.body.error.details.fields).toEqual([{ path: 'addOns.0.productId', message: 'is not a product on sale' }])
    expect((await order(orderId)).totalFen).toBe(99_900 + 15_000 + 30_000)
  }, 120_000)

  it('leaves the kept figures equal to the figures recomputed from the orders', async () => {
    const result = ok(await http('POST', '/reports/recompute', { token: tokens.admin, body: { from: today, to: today, branchId } }), 'recompute')
    expect(result.differences).toEqual([])
    expect(result.nowDifferences).toEqual([])
  })
})
