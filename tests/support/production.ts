import { randomInt } from 'node:crypto'
import { ulid } from 'ulid'
import { http, ok } from './http'
import { moveOrder, uploadPhotos } from './orders'

/** Tokens of a studio's staff, by user name (newStudio makes one per role). */
export type StaffTokens = Record<'reception' | 'photographer' | 'retoucher' | 'manager' | 'finance', string>

/** The manager's stock room: an item bought in at the manager's branch. */
export async function stockedItem(tokens: StaffTokens, name: string, onHand: number, unitCostFen = 42000, unit = '本') {
  const item = ok(await http('POST', '/stock/items', { token: tokens.manager, body: { requestId: ulid(), name, category: 'album', unit, reorderLevel: 1 } }), 'stock item')
  if (onHand > 0) ok(await http('POST', '/stock/purchases', { token: tokens.manager, body: { requestId: ulid(), itemId: item.id, quantity: onHand, unitCostFen, supplier: '广州相册厂' } }), 'purchase')
  return item as { id: string; name: string }
}

/** A one-photo package whose included album product uses the materials given, sold in the branch. */
export async function packageUsing(tokens: StaffTokens, branchId: string, materials: { stockItemId: string; quantity: number }[]) {
  const product = ok(await http('POST', '/catalog/products', { token: tokens.manager, body: { name: '水晶相册 12寸', priceFen: 120000, unit: '本', consumesStock: true, materials } }), 'product')
  const pkg = ok(
    await http('POST', '/catalog/packages', {
      token: tokens.manager,
      body: {
        category: 'portrait',
        name: '轻写真',
        coverImage: '/media/demo/portrait.jpg',
        priceFen: 99900,
        deposit: { kind: 'percent', percent: 30 },
        shootMinutes: 60,
        resources: ['photographer'],
        retouchedPhotos: 1,
        extraPhotoPriceFen: 5000,
        includedProducts: [{ productId: product.id, quantity: 1 }],
        branchIds: [branchId],
      },
    }),
    'package',
  )
  return pkg as { id: string }
}

/** An order sold at the desk and walked to 看版 (proofing) by the staff who do each step: its design waits for approval. */
export async function orderInProofing(tokens: StaffTokens, packageId: string, customerName = '林小姐') {
  const phone = `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
  const customer = ok(await http('POST', '/customers', { token: tokens.reception, body: { name: customerName, phone } }), 'customer')
  const order = ok(await http('POST', '/orders', { token: tokens.reception, body: { requestId: ulid(), customerId: customer.id, packageId } }), 'order')
  ok(await http('POST', `/orders/${order.id}/payments`, { token: tokens.reception, body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.depositFen } }), 'deposit')
  await moveOrder(tokens.photographer, order.id, 'confirmed', 'shot')
  const [proof] = await uploadPhotos(tokens.photographer, order.id, 'proof', 1)
  await moveOrder(tokens.photographer, order.id, 'shot', 'selecting')
  ok(await http('POST', `/orders/${order.id}/selection/confirm`, { token: tokens.reception, body: { photoIds: [proof!.photoId] } }), 'selection')
  await moveOrder(tokens.retoucher, order.id, 'retouching', 'designing')
  await uploadPhotos(tokens.retoucher, order.id, 'design', 1)
  await moveOrder(tokens.retoucher, order.id, 'designing', 'proofing')
  return order.id as string
}
