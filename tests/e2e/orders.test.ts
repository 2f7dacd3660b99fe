import type { Browser, Page } from 'playwright-core'
import { enUS } from '../../src/i18n/en-US'
import { zhCN, type MessageKey } from '../../src/i18n/zh-CN'
import { appUrl, launchBrowser, screenshot } from '../support/browser'
import { chooseEnglish, customerOnPhone, JOURNEY_TIMEOUT, press, settled } from '../support/app'
import { bookableStudioOverHttp } from '../support/bookable'
import { signIn } from '../support/http'
import { moveOrder, uploadGradients } from '../support/orders'

const STUDIO = '光影测试影楼'
const PACKAGE = '海边婚纱写真'
const CUSTOMER = '小满'
// The test studio's package: ¥1,999.00 with a 30 % deposit, 12 retouched photos, ¥50.00 per extra photo.
const DEPOSIT = '¥599.70'
const EXTRA = '¥150.00'
const PROOFS = 18
const INCLUDED = 12

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))
/** A message as the app shows it in Chinese, and in English. */
const zh = (key: MessageKey, params: Record<string, string | number> = {}) => fill(zhCN[key], params)
const en = (key: MessageKey, params: Record<string, string | number> = {}) => fill(enUS[key], params)

let browser: Browser
let setup: Awaited<ReturnType<typeof bookableStudioOverHttp>>
let page: Page
let orderId: string

beforeAll(async () => {
  setup = await bookableStudioOverHttp(STUDIO, PACKAGE)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** The order detail's figure under a label in its summary (total, paid, to pay). */
const summary = (label: string) => page.locator('.order__sum', { hasText: label }).locator('.order__sum-value')

/** Pays on the simulated WeChat Pay sheet; a quick double tap on the sheet's button must charge once. */
async function payOnSheet(amount: string, screenshotName?: string) {
  await press(page, zh('pay.wechatPay', { amount }))
  const sheet = page.locator('.pay-sheet__panel')
  await sheet.getByText(zhCN['pay.simulatedTitle'], { exact: true }).waitFor()
  await expect(sheet.getByText(zhCN['pay.simulatedNote']).isVisible()).resolves.toBe(true)
  await expect(sheet.locator('.pay-sheet__amount').textContent()).resolves.toBe(amount)
  await expect(sheet.locator('.pay-sheet__merchant').textContent()).resolves.toBe(STUDIO)
  // The sheet opened under the finger that tapped 微信支付: a tap in the next moment counts as that same tap.
  await settled(page)
  if (screenshotName) await screenshot(page, screenshotName)
  await sheet.locator('taro-button-core', { hasText: zhCN['pay.confirm'] }).dblclick()
}

describe('the customer’s order', () => {
  it('is booked, its deposit paid on the simulated WeChat Pay sheet, and shows as confirmed with the deposit paid', async () => {
    page = await customerOnPhone(browser, setup.studio.code, CUSTOMER)
    await page.locator('#app').getByText(PACKAGE).click()
    await press(page, zhCN['package.book'])
    await page.locator('.slot-calendar__time').first().click()
    await page.locator('.book__option').first().waitFor()
    await press(page, zhCN['booking.submit'])
    await page.locator('.held__countdown').waitFor()

    // From the hold, straight to paying the deposit.
    await settled(page)
    await screenshot(page, 'customer-held-pay-deposit')
    await press(page, zh('held.payDeposit', { amount: DEPOSIT }))
    await page.locator('.pay__title', { hasText: zhCN['pay.titleDeposit'] }).waitFor()
    await expect(page.locator('.pay__amount').textContent()).resolves.toBe(DEPOSIT)
    await payOnSheet(DEPOSIT, 'customer-pay-sheet')

    await page.getByText(zhCN['pay.doneDeposit']).waitFor()
    await expect(page.getByText(zh('pay.paidAmount', { amount: DEPOSIT })).isVisible()).resolves.toBe(true)
    await settled(page)
    await screenshot(page, 'customer-pay-done')

    // Back on the booking, it is confirmed, with no countdown left.
    await press(page, zhCN['pay.done'])
    await page.getByText(zhCN['held.confirmedTitle'], { exact: true }).waitFor()
    await expect(page.locator('.held__countdown').count()).resolves.toBe(0)
    await expect(page.getByText(zhCN['held.confirmedText']).isVisible()).resolves.toBe(true)
    await settled(page)
    await screenshot(page, 'customer-held-confirmed')

    await press(page, zhCN['held.viewOrder'])
    await page.locator('.order__hero .order-stage', { hasText: zhCN['orderStage.confirmed'] }).waitFor()
    orderId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? ''
    expect(orderId).not.toBe('')
    await expect(summary(zhCN['order.paid']).textContent()).resolves.toBe(DEPOSIT)
    await expect(summary(zhCN['order.balance']).textContent()).resolves.toBe('¥1,399.30')
    await expect(page.locator('.timeline__step--current').textContent()).resolves.toContain(zhCN['orderStage.confirmed'])
    await expect(page.locator('.timeline__step--next').textContent()).resolves.toContain(zhCN['orderStage.shot'])
    // One deposit, however quickly the pay button was tapped.
    const payments = page.locator('.order__payment')
    await expect(payments.count()).resolves.toBe(1)
    await expect(payments.first().textContent()).resolves.toContain(zhCN['paymentKind.deposit'])
    await expect(payments.first().locator('.order__payment-amount').textContent()).resolves.toBe(DEPOSIT)
    await settled(page)
    await screenshot(page, 'customer-order-detail')
    await page.locator('.timeline').scrollIntoViewIfNeeded()
    await screenshot(page, 'customer-order-timeline')

    // The order list (a tab) shows it too.
    await page.goto(`${appUrl()}/#/pages/orders/index`)
    const card = page.locator('.orders__item', { hasText: PACKAGE })
    await card.waitFor()
    await expect(card.locator('.order-stage').textContent()).resolves.toBe(zhCN['orderStage.confirmed'])
    await expect(card.textContent()).resolves.toContain(DEPOSIT)
    await expect(card.textContent()).resolves.toContain(zhCN['orderNext.confirmed'])
    await settled(page)
    await screenshot(page, 'customer-orders')
  }, JOURNEY_TIMEOUT * 2)

  it('opens for photo selection after the shoot: the customer picks the package’s photos and 3 more, confirms, pays the extra and sees the balance', async () => {
    expect(orderId).toBeTruthy()
    const reception = await signIn(setup.studio.code, 'reception')
    // The shoot is days ahead: the branch's manager records it shot (its crew could only from its day).
    await moveOrder(setup.manager, orderId, 'confirmed', 'shot')
    await uploadGradients(reception, orderId, 'proof', PROOFS)
    await moveOrder(reception, orderId, 'shot', 'selecting')

    await page.locator('.orders__item', { hasText: PACKAGE }).waitFor()
    await page.reload()
    const card = page.locator('.orders__item', { hasText: PACKAGE })
    await card.locator('.order-stage', { hasText: zhCN['orderStage.selecting'] }).waitFor()
    await card.click()
    await press(page, zhCN['order.goSelect'])

    const photos = page.locator('.select__cell')
    await photos.nth(PROOFS - 1).waitFor()
    await expect(photos.count()).resolves.toBe(PROOFS)
    const tally = page.locator('.select__count')
    await expect(tally.textContent()).resolves.toBe(zh('select.tally', { picked: 0, included: INCLUDED }))
    for (let i = 0; i < INCLUDED + 3; i++) await photos.nth(i).click()
    // A tap on a picked photo unpicks it, another picks it again.
    await photos.nth(0).click()
    await expect(tally.textContent()).resolves.toBe(zh('select.tallyExtra', { picked: INCLUDED + 2, included: INCLUDED, extra: 2, amount: '¥100.00' }))
    await photos.nth(0).click()
    await expect(page.locator('.select__photo--picked').count()).resolves.toBe(INCLUDED + 3)
    await expect(tally.textContent()).resolves.toBe(zh('select.tallyExtra', { picked: INCLUDED + 3, included: INCLUDED, extra: 3, amount: EXTRA }))
    await page.getByText(zhCN['select.saved'], { exact: true }).waitFor()
    await screenshot(page, 'customer-selection')

    // Leaving and coming back keeps the picks (they were saved as a draft).
    await page.goBack()
    await press(page, zhCN['order.goSelect'])
    await page.locator('.select__photo--picked').nth(INCLUDED + 2).waitFor()
    await expect(page.locator('.select__count').textContent()).resolves.toBe(zh('select.tallyExtra', { picked: INCLUDED + 3, included: INCLUDED, extra: 3, amount: EXTRA }))

    await press(page, zhCN['select.confirm'])
    const dialog = page.locator('.taro__modal')
    await dialog.getByText(zhCN['select.dialogTitle']).waitFor()
    const dialogText = await dialog.locator('.taro-modal__text').textContent()
    expect(dialogText).toContain(zh('select.dialogExtra', { extra: 3, amount: EXTRA }))
    expect(dialogText).toContain(zhCN['select.dialogLock'])
    // The dialog fades in.
    await page.waitForTimeout(400)
    await screenshot(page, 'customer-selection-dialog')
    await dialog.locator('.taro-model__confirm').click()

    await page.getByText(zh('select.confirmedTitle', { count: INCLUDED + 3 })).waitFor()
    await expect(page.getByText(zh('select.confirmedExtra', { included: INCLUDED, extra: 3, amount: EXTRA })).isVisible()).resolves.toBe(true)
    await expect(page.locator('.select__cell').count()).resolves.toBe(INCLUDED + 3)
    // Locked: the check marks stay and no photo can be unpicked.
    await expect(page.locator('.select__footer').count()).resolves.toBe(0)
    await page.waitForTimeout(1600)
    await screenshot(page, 'customer-selection-confirmed')

    await press(page, zh('order.payExtraPhotos', { amount: EXTRA }))
    await page.locator('.pay__title', { hasText: zhCN['pay.titleExtraPhotos'] }).waitFor()
    await expect(page.locator('.pay__amount').textContent()).resolves.toBe(EXTRA)
    await expect(page.getByText(zh('pay.extraPhotosValue', { count: 3, price: '¥50.00' })).isVisible()).resolves.toBe(true)
    await payOnSheet(EXTRA)
    await page.getByText(zhCN['pay.doneExtraPhotos']).waitFor()

    await press(page, zhCN['pay.viewOrder'])
    await page.locator('.order__hero .order-stage', { hasText: zhCN['orderStage.retouching'] }).waitFor()
    // ¥1,999.00 + 3 × ¥50.00; the deposit and the extra photos paid; the rest of the package price left.
    await expect(summary(zhCN['order.total']).textContent()).resolves.toBe('¥2,149.00')
    await expect(summary(zhCN['order.paid']).textContent()).resolves.toBe('¥749.70')
    await expect(summary(zhCN['order.balance']).textContent()).resolves.toBe('¥1,399.30')
    const extraPayment = page.locator('.order__payment', { hasText: zhCN['paymentKind.extra_photos'] })
    await expect(extraPayment.count()).resolves.toBe(1)
    await expect(extraPayment.locator('.order__payment-amount').textContent()).resolves.toBe(EXTRA)
    await expect(page.locator('.order__row', { hasText: zh('order.addOnExtraPhotos', { count: 3 }) }).locator('.order__row-value').textContent()).resolves.toBe(EXTRA)
    // Nothing left to pay for the extra photos; the balance can still be paid.
    await expect(page.locator('taro-button-core', { hasText: zhCN['paymentKind.extra_photos'] }).count()).resolves.toBe(0)
    await expect(page.locator('taro-button-core', { hasText: zh('order.payBalance', { amount: '¥1,399.30' }) }).count()).resolves.toBe(1)
    await settled(page)
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'customer-order-after-extra')
    await page.locator('.order__payment').first().scrollIntoViewIfNeeded()
    await screenshot(page, 'customer-order-payments')
  }, JOURNEY_TIMEOUT * 2)

  it('asks the customer to review the album design: a change needs a comment, then the revised design is approved', async () => {
    expect(orderId).toBeTruthy()
    const retoucher = await signIn(setup.studio.code, 'retoucher')
    await moveOrder(retoucher, orderId, 'retouching', 'designing')
    await uploadGradients(retoucher, orderId, 'design', 3)
    await moveOrder(retoucher, orderId, 'designing', 'proofing')

    await page.reload()
    await page.locator('.order__hero .order-stage', { hasText: zhCN['orderStage.proofing'] }).waitFor()
    await press(page, zhCN['order.goProof'])
    await page.locator('.proof__page').nth(2).waitFor()
    await expect(page.getByText(zh('proof.pageNumber', { page: 3, total: 3 })).isVisible()).resolves.toBe(true)
    await settled(page)
    await screenshot(page, 'customer-proof')

    await press(page, zhCN['proof.revise'])
    await press(page, zhCN['proof.sendRevision'])
    await page.getByText(zhCN['proof.commentRequired'], { exact: true }).waitFor()
    await page.locator('.proof textarea').fill('第 2 页换成海边那张')
    await page.locator('.proof__decision').scrollIntoViewIfNeeded()
    await screenshot(page, 'customer-proof-revise')
    await press(page, zhCN['proof.sendRevision'])
    await page.getByText(zhCN['proof.revisedTitle']).waitFor()

    await moveOrder(retoucher, orderId, 'designing', 'proofing')
    await press(page, zhCN['proof.backToOrder'])
    await page.reload()
    await press(page, zhCN['order.goProof'])
    await page.getByText('第 2 页换成海边那张').waitFor()
    await press(page, zhCN['proof.approve'])
    const dialog = page.locator('.taro__modal')
    await dialog.getByText(zhCN['proof.approveTitle']).waitFor()
    await dialog.locator('.taro-model__confirm').click()
    await page.getByText(zhCN['proof.approvedTitle']).waitFor()

    await press(page, zhCN['proof.backToOrder'])
    await page.locator('.order__hero .order-stage', { hasText: zhCN['orderStage.producing'] }).waitFor()
  }, JOURNEY_TIMEOUT * 2)

  it('reads in English, and the balance is paid in full', async () => {
    expect(orderId).toBeTruthy()
    await chooseEnglish(page)
    await page.goto(`${appUrl()}/#/pages/orders/index`)
    const card = page.locator('.orders__item', { hasText: PACKAGE })
    await card.locator('.order-stage', { hasText: enUS['orderStage.producing'] }).waitFor()
    await expect(card.textContent()).resolves.toContain(enUS['orderNext.producing'])
    await settled(page)
    await screenshot(page, 'customer-orders-en')

    await card.click()
    await page.locator('.order__hero').waitFor()
    await expect(page.locator('.timeline__step--current').textContent()).resolves.toContain(enUS['orderStage.producing'])
    await settled(page)
    await screenshot(page, 'customer-order-detail-en')

    await press(page, en('order.viewSelection', { count: INCLUDED + 3 }))
    await page.getByText(en('select.confirmedTitle', { count: INCLUDED + 3 })).waitFor()
    await expect(page.getByText(enUS['select.extraPaid']).isVisible()).resolves.toBe(true)
    await settled(page)
    await screenshot(page, 'customer-selection-confirmed-en')
    await page.goBack()

    await press(page, en('order.payBalance', { amount: '¥1,399.30' }))
    await page.locator('.pay__title', { hasText: enUS['pay.titleBalance'] }).waitFor()
    await press(page, en('pay.wechatPay', { amount: '¥1,399.30' }))
    const sheet = page.locator('.pay-sheet__panel')
    await sheet.getByText(enUS['pay.simulatedNote']).waitFor()
    await settled(page)
    await screenshot(page, 'customer-pay-sheet-en')
    await sheet.locator('taro-button-core', { hasText: enUS['pay.confirm'] }).click()
    await page.getByText(enUS['pay.doneBalance'], { exact: true }).waitFor()
    await press(page, enUS['pay.viewOrder'])
    await page.locator('.order__payment', { hasText: enUS['paymentKind.balance'] }).waitFor()
    await expect(summary(enUS['order.balance']).textContent()).resolves.toBe('¥0.00')
    await expect(summary(enUS['order.paid']).textContent()).resolves.toBe('¥2,149.00')
    await expect(page.locator('.order__actions taro-button-core', { hasText: enUS['paymentKind.balance'] }).count()).resolves.toBe(0)
  }, JOURNEY_TIMEOUT)
})
