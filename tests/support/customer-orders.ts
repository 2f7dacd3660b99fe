import { ulid } from 'ulid'
import { bookableStudioOverHttp, freeSlots } from './bookable'
import { http, ok, signIn, signInCustomer } from './http'
import { moveOrder, uploadPhotos } from './orders'

/**
 * A studio where customers book online and its staff walk their orders on: each order gets a day of
 * its own (the bookings never overlap), is confirmed by the manager, shot by the photographer and
 * its proofs uploaded.
 */
export async function studioWithCustomers(name: string, packageName: string) {
  const setup = await bookableStudioOverHttp(name, packageName)
  const staff = {
    photographer: await signIn(setup.studio.code, 'photographer'),
    retoucher: await signIn(setup.studio.code, 'retoucher'),
    reception: await signIn(setup.studio.code, 'reception'),
  }
  const lookout = await signInCustomer(setup.studio.code, '看看')
  const free = await freeSlots(lookout.token, setup.pkg.id, setup.branchId)
  const days = free.filter((slot, i) => free.findIndex((other) => other.date === slot.date) === i)
  let next = 0

  async function shotOrder(nickname: string) {
    const customer = await signInCustomer(setup.studio.code, nickname)
    const booked = ok(await http('POST', '/bookings', { token: customer.token, body: { packageId: setup.pkg.id, branchId: setup.branchId, startsAt: days[next++]!.startsAt } }), 'booking')
    ok(await http('POST', `/bookings/${booked.id}/confirm`, { token: setup.manager, body: {} }), 'confirm')
    const orderId = booked.orderId as string
    // The shoot is days ahead: its crew may mark it shot only from its day, the branch's manager ahead of it.
    await moveOrder(setup.manager, orderId, 'confirmed', 'shot')
    const [proof] = await uploadPhotos(staff.photographer, orderId, 'proof', 1)
    return { customer, orderId, proofId: proof!.photoId }
  }

  /** Selected, retouched, designed, approved, made and ready: the customer picks a photo and approves the design. */
  async function readyOrder(nickname: string) {
    const order = await shotOrder(nickname)
    const { customer, orderId, proofId } = order
    await moveOrder(staff.photographer, orderId, 'shot', 'selecting')
    ok(await http('POST', `/orders/${orderId}/selection/confirm`, { token: customer.token, body: { photoIds: [proofId] } }), 'selection')
    await moveOrder(staff.retoucher, orderId, 'retouching', 'designing')
    await uploadPhotos(staff.retoucher, orderId, 'design', 1)
    await moveOrder(staff.retoucher, orderId, 'designing', 'proofing')
    ok(await http('POST', `/orders/${orderId}/proof`, { token: customer.token, body: { decision: 'approve' } }), 'approve')
    ok(await http('POST', `/orders/${orderId}/lab`, { token: staff.reception }), 'lab')
    await moveOrder(staff.reception, orderId, 'producing', 'ready')
    return order
  }

  /** Ready, the balance paid in cash at the desk, and picked up. */
  async function completedOrder(nickname: string) {
    const order = await readyOrder(nickname)
    const { order: current } = ok(await http('GET', `/orders/${order.orderId}`, { token: staff.reception }), 'order')
    ok(
      await http('POST', `/orders/${order.orderId}/payments`, { token: staff.reception, body: { requestId: ulid(), kind: 'balance', method: 'cash', amountFen: current.balanceFen } }),
      'balance',
    )
    await moveOrder(staff.reception, order.orderId, 'ready', 'completed')
    return order
  }

  return { setup, staff, shotOrder, readyOrder, completedOrder }
}

