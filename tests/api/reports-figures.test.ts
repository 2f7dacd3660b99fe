import { ulid } from 'ulid'
import { http, ok, signIn } from '../support/http'
import { moveOrder, uploadPhotos } from '../support/orders'
import { packageUsing, stockedItem, type StaffTokens } from '../support/production'
import { newStudio } from '../support/studio'
import { studioDate } from '../../functions/domain/time'

/**
 * Exact figures from a small known day at one branch: five albums bought at ¥420.00, one order
 * of a ¥999.00 package (30 % deposit) whose customer takes two extra photos at ¥50.00 at
 * selection, made and sent to the lab (one album consumed), now waiting at pick-up with its
 * balance due.
 */
describe('the manager’s reports to the fen, from a known day', () => {
  const today = studioDate(new Date(), 'Asia/Shanghai')
  const tokens = {} as StaffTokens & { admin: string }
  let branchId: string
  let itemId: string
  let staff: Record<string, { id: string }>
  const report = async (name: string) => ok(await http('GET', `/reports/${name}?${new URLSearchParams({ from: today, to: today, branchId })}`, { token: tokens.admin }), `${name} report`)

  beforeAll(async () => {
    const studio = await newStudio(undefined, '对账影楼')
    staff = studio.staff
    branchId = studio.branches[0]!.id
    for (const username of ['reception', 'photographer', 'retoucher', 'manager', 'finance', 'admin'] as const) tokens[username] = await signIn(studio.code, username)
    itemId = (await stockedItem(tokens, '水晶相册', 5, 42_000)).id
    const pkg = await packageUsing(tokens, branchId, [{ stockItemId: itemId, quantity: 1 }])
    const customer = ok(await http('POST', '/customers', { token: tokens.reception, body: { name: '林小姐', phone: '13900005555', source: 'xiaohongshu' } }), 'customer')
    const order = ok(await http('POST', '/orders', { token: tokens.reception, body: { requestId: ulid(), customerId: customer.id, packageId: pkg.id, branchId } }), 'order')
    ok(await http('POST', `/orders/${order.id}/payments`, { token: tokens.reception, body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: 29_970 } }), 'deposit')
    await moveOrder(tokens.photographer, order.id, 'confirmed', 'shot')
    const proofs = await uploadPhotos(tokens.photographer, order.id, 'proof', 3)
    await moveOrder(tokens.photographer, order.id, 'shot', 'selecting')
    // One photo is in the package; the other two are extra.
    ok(await http('POST', `/orders/${order.id}/selection/confirm`, { token: tokens.reception, body: { photoIds: proofs.map((p) => p.photoId) } }), 'selection')
    await moveOrder(tokens.retoucher, order.id, 'retouching', 'designing')
    await uploadPhotos(tokens.retoucher, order.id, 'design', 1)
    await moveOrder(tokens.retoucher, order.id, 'designing', 'proofing')
    ok(await http('POST', `/orders/${order.id}/proof`, { token: tokens.reception, body: { decision: 'approve' } }), 'approval')
    ok(await http('POST', `/orders/${order.id}/lab`, { token: tokens.reception }), 'lab')
    await moveOrder(tokens.reception, order.id, 'producing', 'ready')
  }, 180_000)

  it('upsell: one order selected, one upsold by the desk, two extra photos worth ¥100.00', async () => {
    const upsell = await report('upsell')
    expect(upsell.current).toMatchObject({ selectedOrders: 1, upsoldOrders: 1, rateBp: 10_000, extraPhotos: 2, extraPhotosFen: 10_000, amountFen: 10_000 })
    expect(upsell.current.byStaff).toEqual([expect.objectContaining({ staffId: staff.reception!.id, selectedOrders: 1, upsoldOrders: 1, extraPhotos: 2, extraPhotosFen: 10_000 })])
  })

  it('receivables: ¥799.30 owed since today’s shoot, all of it waiting at pick-up', async () => {
    const receivables = await report('receivables')
    expect(receivables.now).toEqual({
      asOf: today,
      byAge: [
        { age: '0-30', orders: 1, balanceFen: 79_930 },
        { age: '31-60', orders: 0, balanceFen: 0 },
        { age: '61-90', orders: 0, balanceFen: 0 },
        { age: '90+', orders: 0, balanceFen: 0 },
      ],
      balanceFen: 79_930,
      orders: 1,
      readyWithBalance: { orders: 1, balanceFen: 79_930 },
    })
    expect(receivables.current).toEqual({ collectedFen: 0, refundedFen: 0 })
  })

  it('stock: ¥2,100.00 bought, one album (¥420.00) consumed, ¥1,680.00 left, turnover 25 %', async () => {
    const stock = await report('stock')
    expect(stock.current).toEqual({
      consumption: [{ itemId, itemName: '水晶相册', quantity: 1, costFen: 42_000 }],
      consumptionFen: 42_000,
      purchasesFen: 210_000,
      averageStockFen: 168_000,
      turnoverBp: 2_500,
    })
    expect(stock.now).toMatchObject({ asOf: today, valueFen: 168_000, lowStock: [] })
  })

  it('staff: the photographer’s shoot, the desk’s selection and upsell', async () => {
    const { current } = await report('staff')
    const of = (username: string) => current.staff.find((p: { staffId: string }) => p.staffId === staff[username]!.id)
    expect(of('photographer')).toMatchObject({ shoots: 1, selections: 0, upsellFen: 0 })
    expect(of('reception')).toMatchObject({ shoots: 0, selections: 1, upsellFen: 10_000, utilisationBp: null })
  })
})
