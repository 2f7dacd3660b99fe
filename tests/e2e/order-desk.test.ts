import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { ulid } from 'ulid'
import { zhCN } from '../../src/i18n/zh-CN'
import { fill, launchBrowser, screenshot, tap } from '../support/browser'
import { JOURNEY_TIMEOUT, answerDialog, press, seedCatalog, settled, staffOnPhone, typeAmount } from '../support/app'
import { operationsOf } from '../support/dispatch'
import { TEST_PASSWORD, TEST_TABLE } from '../support/constants'
import { http, ok, signIn, signInCustomer } from '../support/http'
import { moveOrder, notify, paidFor, uploadFiles } from '../support/orders'
import { depsFor, newStudio } from '../support/studio'

const PACKAGE = '经典韩式婚纱'
/** 30% of ¥5,999.00. */
const DEPOSIT = '¥1,799.70'

let browser: Browser
let studio: Awaited<ReturnType<typeof newStudio>>
let packageId: string
const tokens: Record<string, string> = {}

const as = (username: string) => ({ token: tokens[username]! })

async function newCustomer(name: string, phone: string): Promise<string> {
  return ok(await http('POST', '/customers', { ...as('reception'), body: { name, phone } }), `customer ${name}`).id
}

/** Staff upload demo JPEGs to an order the way the app does: links from the API, then a form POST per file to the file store. */
async function upload(username: string, orderId: string, kind: 'proof' | 'design', images: string[]): Promise<string[]> {
  const files = images.map((image) => ({
    name: `${image}.jpg`,
    contentType: 'image/jpeg',
    bytes: readFileSync(resolve(__dirname, `../../scripts/demo-media/demo/${image}.jpg`)),
  }))
  return (await uploadFiles(tokens[username]!, orderId, kind, files)).map((item) => item.photoId)
}

const advance = (username: string, orderId: string, from: string, to: string) => moveOrder(tokens[username]!, orderId, from, to)

/**
 * An order the desk sold and took a cash deposit for (audited by finance), shot by the photographer,
 * with proofs picked by the customer at the desk: it waits in retouching.
 */
async function orderInRetouching(customerName: string, phone: string): Promise<string> {
  const customerId = await newCustomer(customerName, phone)
  const order = ok(await http('POST', '/orders', { ...as('reception'), body: { requestId: ulid(), customerId, packageId } }), 'order')
  const paid = ok(
    await http('POST', `/orders/${order.id}/payments`, { ...as('reception'), body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.depositFen } }),
    'deposit',
  )
  ok(await http('POST', `/orders/${order.id}/payments/${paid.payments[0].id}/audit`, as('finance')), 'audit')
  await advance('photographer', order.id, 'confirmed', 'shot')
  const proofs = await upload('photographer', order.id, 'proof', ['wedding-classic', 'wedding-garden', 'portrait'])
  await advance('photographer', order.id, 'shot', 'selecting')
  ok(await http('POST', `/orders/${order.id}/selection/confirm`, { ...as('reception'), body: { photoIds: proofs } }), 'selection')
  return order.id
}

/** An order retouched, designed, approved and back from the lab: waiting for pickup with its balance unpaid. */
async function orderReady(customerName: string, phone: string): Promise<string> {
  const orderId = await orderInRetouching(customerName, phone)
  await advance('retoucher', orderId, 'retouching', 'designing')
  await upload('retoucher', orderId, 'design', ['album', 'family'])
  await advance('retoucher', orderId, 'designing', 'proofing')
  ok(await http('POST', `/orders/${orderId}/proof`, { ...as('reception'), body: { decision: 'approve' } }), 'approval')
  ok(await http('POST', `/orders/${orderId}/lab`, as('reception')), 'to the lab')
  await advance('reception', orderId, 'producing', 'ready')
  return orderId
}

/** The order page's stage tag, in its header. */
const stageShown = (page: Page, stage: keyof typeof zhCN) => page.locator('.staff-order__hero .order-stage', { hasText: zhCN[stage] })

/** From the workspace, through the customer list, to a customer's file. */
async function openCustomerFile(page: Page, name: string) {
  await tap(page, zhCN['tile.customers'])
  await fill(page, zhCN['customers.searchPlaceholder'], name)
  await page.locator('.customer-row', { hasText: name }).click()
  await page.getByText(zhCN['customer.profile']).waitFor()
}

const fen = (template: string, amount: string) => template.replace('{amount}', amount)

beforeAll(async () => {
  studio = await newStudio(undefined, '光影测试影楼')
  for (const username of ['reception', 'photographer', 'retoucher', 'finance', 'manager']) tokens[username] = await signIn(studio.code, username)
  const [pkg] = await seedCatalog(studio.code, [studio.branches[0]!.id], [{ name: PACKAGE, category: 'wedding', priceFen: 599900, image: 'wedding-classic' }])
  packageId = pkg.id
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('the order desk', () => {
  it('lets reception open an order and take a cash deposit, and finance audit it', async () => {
    const page = await staffOnPhone(browser, studio.code, 'reception')
    await newCustomer('林小雨', '13800138001')
    await tap(page, zhCN['tile.orders'])
    await page.locator('.order-desk__stage--active', { hasText: zhCN['orderStage.pending_deposit'] }).waitFor()
    await press(page, zhCN['orderDesk.new'])

    await fill(page, zhCN['customers.searchPlaceholder'], '林小雨')
    await page.locator('.customer-search__row', { hasText: '林小雨' }).click()
    await page.locator('.new-order__option', { hasText: PACKAGE }).click()
    await tap(page, zhCN['addOns.addService'])
    await fill(page, zhCN['addOns.serviceNamePlaceholder'], '加急精修')
    await fill(page, zhCN['addOns.serviceAmountPlaceholder'], '300')
    await press(page, zhCN['addOns.add'])
    const total = page.locator('.money-line--total')
    await expect(total.textContent()).resolves.toContain('¥6,299.00')
    await settled(page)
    await screenshot(page, 'desk-new-order')
    await press(page, zhCN['newOrder.submit'])

    // The new order waits for its deposit; the payment form offers the deposit, in cash, and says what is due —
    // the amount itself is typed from what was handed over, never filled in.
    await stageShown(page, 'orderStage.pending_deposit').waitFor()
    await expect(page.locator('.staff-order__customer').textContent()).resolves.toBe('林小雨')
    await expect(page.locator('.choice-chip--active', { hasText: zhCN['paymentKind.deposit'] }).count()).resolves.toBe(1)
    await expect(page.locator('.choice-chip--active', { hasText: zhCN['paymentMethod.cash'] }).count()).resolves.toBe(1)
    const amountInput = page.locator('.form-field', { hasText: zhCN['field.amountYuan'] }).locator('input')
    await expect(amountInput.inputValue()).resolves.toBe('')
    await expect(page.getByText(zhCN['payment.dueHint'].replace('{amount}', DEPOSIT)).isVisible()).resolves.toBe(true)
    await settled(page)
    await screenshot(page, 'desk-order-pending-deposit')

    // Nothing is written until reception has seen customer, amount and method and confirmed; backing out writes nothing.
    await typeAmount(page, '1799.70')
    await press(page, zhCN['payment.record'])
    await answerDialog(page, zhCN['payment.confirmTitle'], { confirm: false })
    await expect(page.locator('.pay-row').count()).resolves.toBe(0)
    await press(page, zhCN['payment.record'])
    const said = await answerDialog(page, zhCN['payment.confirmTitle'], { screenshotName: 'desk-payment-confirm' })
    expect(said).toBe(zhCN['moneyConfirm.facts'].replace('{customer}', '林小雨').replace('{method}', zhCN['paymentMethod.cash']).replace('{amount}', DEPOSIT))

    await stageShown(page, 'orderStage.confirmed').waitFor()
    const payment = page.locator('.pay-row', { hasText: zhCN['paymentKind.deposit'] })
    await expect(payment.locator('.pay-row__amount').textContent()).resolves.toBe(DEPOSIT)
    // The form is empty again: a second tap cannot record the rest of the balance.
    await expect(amountInput.inputValue()).resolves.toBe('')
    await expect(payment.locator('.pay-status').textContent()).resolves.toBe(zhCN['payment.unaudited'])
    await page.waitForTimeout(1600)
    await screenshot(page, 'desk-order-confirmed')

    // With the deposit in, reception books the shoot on this order: confirmed at once, no hold.
    await press(page, zhCN['staffOrder.bookShoot'])
    await page.locator('.slot-calendar__time').first().click()
    await press(page, zhCN['booking.submit'])
    await page.locator('.staff-order__facts', { hasText: zhCN['staffOrder.shootAt'].split('{')[0]! }).waitFor()
    await expect(page.getByText(zhCN['staffOrder.bookShoot']).count()).resolves.toBe(0)
    await page.waitForTimeout(1600)
    await screenshot(page, 'desk-order-shoot-booked')

    // Back on the desk (the new-order form was replaced by the order), it is under 已确认 now.
    await page.goBack()
    await page.locator('.order-desk__stage', { hasText: zhCN['orderStage.confirmed'] }).click()
    await page.locator('.order-row', { hasText: '林小雨' }).waitFor()
    await settled(page)
    await screenshot(page, 'desk-orders-confirmed')

    const finance = await staffOnPhone(browser, studio.code, 'finance')
    await tap(finance, zhCN['tile.paymentAudit'])
    const row = finance.locator('.finance__row', { hasText: '林小雨' })
    await row.waitFor()
    await expect(finance.locator('.finance__total-amount').textContent()).resolves.toBe(DEPOSIT)
    await expect(row.textContent()).resolves.toContain(`${zhCN['paymentKind.deposit']} · ${zhCN['paymentMethod.cash']}`)
    await settled(finance)
    await screenshot(finance, 'finance-unaudited')
    await row.locator('taro-button-core', { hasText: zhCN['finance.audit'] }).click()
    const audited = await answerDialog(finance, zhCN['finance.auditConfirmTitle'], { screenshotName: 'finance-audit-confirm' })
    expect(audited).toContain('林小雨')
    expect(audited).toContain(DEPOSIT)
    await finance.getByText(zhCN['finance.nothingToAudit']).waitFor()
    await expect(finance.locator('.finance__row', { hasText: '林小雨' }).count()).resolves.toBe(0)
    await expect(finance.locator('.finance__total-amount').textContent()).resolves.toBe('¥0.00')
    await finance.waitForTimeout(1600)
    await screenshot(finance, 'finance-audited')
  }, JOURNEY_TIMEOUT * 2)

  it('lets a retoucher take an order from the production queue and finish retouching it', async () => {
    await orderInRetouching('陈思', '13800138002')
    const page = await staffOnPhone(browser, studio.code, 'retoucher')
    await tap(page, zhCN['tile.productionQueue'])
    const retouching = page.locator('.queue__section', { has: page.locator('.queue__title', { hasText: zhCN['orderStage.retouching'] }) })
    const row = retouching.locator('.order-row', { hasText: '陈思' })
    await row.waitFor()
    await expect(row.getByText(zhCN['queue.notTaken']).isVisible()).resolves.toBe(true)
    await settled(page)
    await screenshot(page, 'queue-retoucher')

    // A double tap on 接单 takes the order and nothing more, though 完成 appears where the finger is.
    await row.locator('taro-button-core', { hasText: zhCN['queue.take'] }).dblclick()
    await row.getByText(zhCN['orderRow.takenBy'].replace('{name}', 'retoucher')).waitFor()
    await row.locator('taro-button-core', { hasText: zhCN['queue.done'] }).waitFor()
    await page.waitForTimeout(800)
    await expect(retouching.locator('.order-row', { hasText: '陈思' }).count()).resolves.toBe(1)
    await page.waitForTimeout(1600)
    await screenshot(page, 'queue-taken')

    await row.locator('taro-button-core', { hasText: zhCN['queue.done'] }).click()
    const designing = page.locator('.queue__section', { has: page.locator('.queue__title', { hasText: zhCN['orderStage.designing'] }) })
    await designing.locator('.order-row', { hasText: '陈思' }).waitFor()
    await expect(retouching.locator('.order-row', { hasText: '陈思' }).count()).resolves.toBe(0)
    await page.waitForTimeout(1600)
    await screenshot(page, 'queue-retouched')
  }, JOURNEY_TIMEOUT)

  it('does not let reception hand over while a balance remains, and does once it is paid', async () => {
    await orderReady('王芳', '13800138003')
    const page = await staffOnPhone(browser, studio.code, 'reception')
    await tap(page, zhCN['tile.orders'])
    await page.locator('.order-desk__stage', { hasText: zhCN['orderStage.ready'] }).click()
    await page.locator('.order-row', { hasText: '王芳' }).click()
    await stageShown(page, 'orderStage.ready').waitFor()

    // ¥5,999.00 less the ¥1,799.70 deposit.
    const handOver = page.locator('taro-button-core', { hasText: zhCN['staffOrder.handOver'] })
    await expect(handOver.getAttribute('class')).resolves.toContain('disabled')
    const why = zhCN['staffOrder.balanceBlocksHandOver'].replace('{amount}', '¥4,199.30')
    await expect(page.getByText(why).isVisible()).resolves.toBe(true)
    await settled(page)
    await screenshot(page, 'desk-handover-blocked')

    await expect(page.locator('.choice-chip--active', { hasText: zhCN['paymentKind.balance'] }).count()).resolves.toBe(1)
    await page.locator('.choice-chip', { hasText: zhCN['paymentMethod.card'] }).click()
    await fill(page, zhCN['payment.referencePlaceholder.card'], 'POS-0042')
    await typeAmount(page, '4199.30')
    await press(page, zhCN['payment.record'])
    await answerDialog(page, zhCN['payment.confirmTitle'])
    await page.getByText(why).waitFor({ state: 'detached' })
    await expect(page.locator('.money-line--strong .money-line__amount').textContent()).resolves.toBe('¥0.00')
    await expect(handOver.getAttribute('class')).resolves.not.toContain('disabled')
    await handOver.scrollIntoViewIfNeeded()
    await page.waitForTimeout(1600)
    await screenshot(page, 'desk-handover-ready')

    await handOver.click()
    await stageShown(page, 'orderStage.completed').waitFor()
    await expect(page.locator('.timeline__event--current .timeline__stage').textContent()).resolves.toBe(zhCN['orderStage.completed'])
    await page.waitForTimeout(1600)
    await screenshot(page, 'desk-order-completed')
  }, JOURNEY_TIMEOUT * 2)

  it('says what cancelling an order gives back before reception confirms it, and cancels only when told', async () => {
    const customerId = await newCustomer('郑佳', '13800138006')
    const order = ok(await http('POST', '/orders', { ...as('reception'), body: { requestId: ulid(), customerId, packageId } }), 'order')
    ok(await http('POST', `/orders/${order.id}/payments`, { ...as('reception'), body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.depositFen } }), 'deposit')

    const page = await staffOnPhone(browser, studio.code, 'manager')
    await openCustomerFile(page, '郑佳')
    await page.locator('.customer__row', { hasText: PACKAGE }).click()
    await stageShown(page, 'orderStage.confirmed').waitFor()
    await page.locator('.staff-order__cancel-link').scrollIntoViewIfNeeded()
    await settled(page)
    // No shoot is booked on it: everything paid goes back, and the dialog says how much.
    await page.locator('.staff-order__cancel-link').click()
    const kept = await answerDialog(page, zhCN['staffOrder.cancelTitle'], { confirm: false })
    expect(kept).toBe(zhCN['staffOrder.cancelRefundAll'].replace('{paid}', DEPOSIT).replace('{amount}', DEPOSIT))
    await stageShown(page, 'orderStage.confirmed').waitFor()
    await page.locator('.staff-order__cancel-link').click()
    await answerDialog(page, zhCN['staffOrder.cancelTitle'], { screenshotName: 'desk-cancel-refund' })
    await stageShown(page, 'orderStage.cancelled').waitFor()
  }, JOURNEY_TIMEOUT)

  it('shows an order and its payments on the customer file, and opens the order from there', async () => {
    // A cash deposit finance audited, part of the balance by card not audited yet, and ¥200.00 of the deposit given back.
    const customerId = await newCustomer('周晓', '13800138005')
    const order = ok(await http('POST', '/orders', { ...as('reception'), body: { requestId: ulid(), customerId, packageId } }), 'order')
    const deposit = ok(
      await http('POST', `/orders/${order.id}/payments`, { ...as('reception'), body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.depositFen } }),
      'deposit',
    ).payments[0]
    ok(await http('POST', `/orders/${order.id}/payments/${deposit.id}/audit`, as('finance')), 'audit')
    const balance = { requestId: ulid(), kind: 'balance', method: 'card', amountFen: 100000, reference: 'POS-0101' }
    ok(await http('POST', `/orders/${order.id}/payments`, { ...as('reception'), body: balance }), 'part of the balance')
    ok(await http('POST', `/orders/${order.id}/payments/${deposit.id}/refund`, { ...as('finance'), body: { requestId: ulid(), amountFen: 20000, reason: '少拍一套服装' } }), 'refund')

    const page = await staffOnPhone(browser, studio.code, 'reception')
    await openCustomerFile(page, '周晓')
    // ¥5,999.00 less what was paid: ¥1,799.70 + ¥1,000.00 − ¥200.00.
    const row = page.locator('.customer__row', { hasText: PACKAGE })
    await expect(row.locator('.order-stage').textContent()).resolves.toBe(zhCN['orderStage.confirmed'])
    await expect(row.textContent()).resolves.toContain(zhCN['customer.orderTotal'].replace('{amount}', '¥5,999.00'))
    await expect(row.textContent()).resolves.toContain(fen(zhCN['orderRow.balance'], '¥3,399.30'))
    const orders = page.locator('.card', { has: page.locator('.card__title', { hasText: zhCN['customer.orders'] }) })
    await expect(orders.locator('taro-button-core', { hasText: zhCN['orderDesk.new'] }).count()).resolves.toBe(1)
    await settled(page)
    await orders.scrollIntoViewIfNeeded()
    await screenshot(page, 'crm-customer-file-order')

    const payments = page.locator('.card', { has: page.locator('.card__title', { hasText: zhCN['customer.payments'] }) })
    await payments.scrollIntoViewIfNeeded()
    const card = payments.locator('.customer__row', { hasText: `${zhCN['paymentKind.balance']} · ${zhCN['paymentMethod.card']}` })
    await expect(card.locator('.customer__amount').textContent()).resolves.toBe('¥1,000.00')
    await expect(card.locator('.customer__unaudited').textContent()).resolves.toBe(zhCN['payment.unaudited'])
    const refund = payments.locator('.customer__row', { hasText: `${zhCN['paymentKind.refund']} · ${zhCN['paymentMethod.cash']}` })
    await expect(refund.locator('.customer__amount').textContent()).resolves.toBe('-¥200.00')
    await expect(refund.locator('.customer__unaudited').count()).resolves.toBe(0)
    await screenshot(page, 'crm-customer-file-payments')

    await row.click()
    await stageShown(page, 'orderStage.confirmed').waitFor()
    await expect(page.locator('.staff-order__customer').textContent()).resolves.toBe('周晓')
    await settled(page)
    await screenshot(page, 'crm-customer-order')

    // Back on the file, a new order starts with this customer chosen.
    await page.goBack()
    await press(page, zhCN['orderDesk.new'])
    await expect(page.locator('.new-order__chosen-name').textContent()).resolves.toBe('周晓')
    await settled(page)
    await screenshot(page, 'crm-customer-new-order')
  }, JOURNEY_TIMEOUT)

  it('lets finance send a WeChat refund again that WeChat Pay did not take', async () => {
    // Paid by a notification WeChat Pay's own book does not show yet, so its refund is refused at first.
    const customer = await signInCustomer(studio.code, '何静')
    const order = ok(await http('POST', '/orders', { ...as('reception'), body: { requestId: ulid(), customerId: customer.id, packageId } }), 'order')
    const prepay = ok(await http('POST', `/orders/${order.id}/wechat-pay`, { token: customer.token, body: { kind: 'deposit' } }), 'prepay')
    expect((await notify(paidFor(studio.studio.id, order.id, prepay))).status).toBe(204)

    const page = await staffOnPhone(browser, studio.code, 'finance')
    await openCustomerFile(page, '何静')
    await page.locator('.customer__row', { hasText: PACKAGE }).click()
    await stageShown(page, 'orderStage.confirmed').waitFor()
    const paid = page.locator('.pay-row', { hasText: zhCN['paymentKind.deposit'] })
    await paid.locator('taro-button-core', { hasText: zhCN['refund.start'] }).click()
    await fill(page, zhCN['refund.reasonPlaceholder'], '客户改期到明年，先退定金')
    await press(page, zhCN['refund.submit'])
    const refundSaid = await answerDialog(page, zhCN['refund.confirmTitle'], { screenshotName: 'desk-refund-confirm' })
    expect(refundSaid).toBe(zhCN['moneyConfirm.facts'].replace('{customer}', '何静').replace('{method}', zhCN['paymentMethod.wechat']).replace('{amount}', DEPOSIT))

    const notSent = page.locator('.pay-row', { hasText: `${zhCN['paymentKind.refund']} · ${zhCN['paymentMethod.wechat']}` })
    await expect(notSent.locator('.pay-status').textContent()).resolves.toBe(zhCN['paymentStatus.refund_failed'])
    await expect(notSent.locator('.pay-row__warning').textContent()).resolves.toBe(zhCN['refund.failedNote'])
    await notSent.scrollIntoViewIfNeeded()
    await page.waitForTimeout(1600)
    await screenshot(page, 'desk-refund-not-sent')

    // Finance's desk lists the order for it.
    const desk = await staffOnPhone(browser, studio.code, 'finance')
    await tap(desk, zhCN['tile.paymentAudit'])
    const due = desk.locator('.finance__row', { hasText: '何静' })
    await expect(due.locator('.finance__failed').textContent()).resolves.toBe(zhCN['finance.refundFailed'])
    await due.scrollIntoViewIfNeeded()
    await settled(desk)
    await screenshot(desk, 'finance-refund-not-sent')

    // WeChat Pay catches up; sent again, the refund goes through once and the order leaves refunds due.
    ok(await http('POST', `/orders/${order.id}/wechat-pay/${prepay.outTradeNo}/simulate`, { token: customer.token, body: { deliverNotification: false } }), 'simulated payment')
    await notSent.locator('taro-button-core', { hasText: zhCN['refund.retry'] }).click()
    await notSent.locator('.pay-status', { hasText: zhCN['paymentStatus.refunded'] }).waitFor()
    await expect(notSent.locator('.pay-row__warning').count()).resolves.toBe(0)
    await expect(page.locator('.pay-row', { hasText: `${zhCN['paymentKind.refund']} · ` }).count()).resolves.toBe(1)
    await page.waitForTimeout(1600)
    await screenshot(page, 'desk-refund-sent-again')
    const listed = ok(await http('GET', '/payments/refunds-due', as('finance')), 'refunds due').items.map((o: { id: string }) => o.id)
    expect(listed).not.toContain(order.id)
  }, JOURNEY_TIMEOUT)

  it('shows the manager the orders past their expected date, and the admin the order settings', async () => {
    // An order opened ten days ago and never paid: its three days to pay ran out a week ago.
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000)
    const ops = operationsOf(depsFor(TEST_TABLE))
    const then = { now: tenDaysAgo }
    const { token } = await ops.call('auth.staffSignIn', { studioCode: studio.code, username: 'reception', password: TEST_PASSWORD }, undefined, then)
    const customerId = await newCustomer('赵敏', '13800138004')
    await ops.call('orders.create', { requestId: ulid(tenDaysAgo.getTime()), customerId, packageId }, token, then)

    const page = await staffOnPhone(browser, studio.code, 'manager')
    await tap(page, zhCN['tile.overdueOrders'])
    const row = page.locator('.order-row', { hasText: '赵敏' })
    await row.waitFor()
    await expect(row.locator('.order-row__overdue').textContent()).resolves.toBe(zhCN['orderRow.daysLate'].replace('{days}', '7'))
    await settled(page)
    await screenshot(page, 'manager-overdue')

    // The order settings hold in every branch: the studio's admin sets them, a branch's manager is not offered them.
    await page.goBack()
    const tile = (label: string) => page.locator('.workspace__tile-label', { hasText: label })
    await tile(zhCN['tile.overdueOrders']).waitFor()
    await expect(tile(zhCN['tile.orderSettings']).count()).resolves.toBe(0)
    const admin = await staffOnPhone(browser, studio.code, 'admin')
    await tap(admin, zhCN['tile.orderSettings'])
    const retouching = admin.locator('.order-settings__row', { hasText: zhCN['orderStage.retouching'] }).locator('input')
    await expect(retouching.inputValue()).resolves.toBe('10')
    await retouching.fill('12')
    await press(admin, zhCN['common.save'])
    await admin.getByText(zhCN['common.saved'], { exact: true }).waitFor()
    const saved = ok(await http('GET', '/settings/orders', as('manager')), 'settings')
    expect(saved.stageDays.retouching).toBe(12)
    await admin.waitForTimeout(1600)
    await screenshot(admin, 'admin-order-settings')
  }, JOURNEY_TIMEOUT)
})
