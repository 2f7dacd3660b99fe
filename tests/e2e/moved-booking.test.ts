import type { Browser } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { appUrl, launchBrowser, screenshot } from '../support/browser'
import { JOURNEY_TIMEOUT, customerOnPhone, press, settled } from '../support/app'
import { bookableStudioOverHttp, freeSlots } from '../support/bookable'
import { http, ok, signInCustomer } from '../support/http'

let browser: Browser
let setup: Awaited<ReturnType<typeof bookableStudioOverHttp>>

beforeAll(async () => {
  setup = await bookableStudioOverHttp('改期测试影楼', '改期写真')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('a booking moved later', () => {
  it('shows the customer the refund of the nearer time it held, as the studio will refund it', async () => {
    const nickname = '改期的客户'
    const customer = await signInCustomer(setup.studio.code, nickname)
    const slots = await freeSlots(customer.token, setup.pkg.id, setup.branchId)
    const daysAhead = (slot: { startsAt: string }) => (Date.parse(slot.startsAt) - Date.now()) / 86_400_000
    // Booked four to six days ahead (half the deposit back), then moved three weeks out (all of it, were it judged by the new time).
    const near = slots.find((slot) => daysAhead(slot) >= 4 && daysAhead(slot) < 6)!
    const far = slots.find((slot) => daysAhead(slot) > 20)!
    const booked = ok(await http('POST', '/bookings', { token: customer.token, body: { packageId: setup.pkg.id, branchId: setup.branchId, startsAt: near.startsAt } }), 'booking')
    const charge = ok(await http('POST', `/orders/${booked.orderId}/wechat-pay`, { token: customer.token, body: { kind: 'deposit' } }), 'prepay')
    ok(await http('POST', `/orders/${booked.orderId}/wechat-pay/${charge.outTradeNo}/simulate`, { token: customer.token, body: {} }), 'deposit')
    ok(await http('POST', `/bookings/${booked.id}/reschedule`, { token: customer.token, body: { startsAt: far.startsAt } }), 'reschedule')

    const page = await customerOnPhone(browser, setup.studio.code, nickname)
    await page.goto(`${appUrl()}/#/booking/appointments/index`)
    await press(page, zhCN['appointments.cancel'])
    await page.getByText(zhCN['appointments.refundPolicy']).waitFor()
    // The half tier is the one marked, and the refund said is half the deposit.
    await expect(page.locator('.appointments__tier--now').textContent()).resolves.toContain('50%')
    const half = (setup.pkg.depositFen / 200).toFixed(2)
    // The amount shows once the package (its deposit) has loaded; the percentage before it.
    await page.locator('.appointments__refund', { hasText: half }).waitFor()
    // Said why: the time it was moved from.
    await expect(page.locator('.appointments__refund-note').textContent()).resolves.toContain(zhCN['appointments.refundFromEarliest'].split('{time}')[0]!)
    await settled(page)
    await screenshot(page, 'customer-moved-booking-cancel')

    // Cancelling gives back exactly what the page said.
    await press(page, zhCN['appointments.confirmCancel'])
    await page.locator('.appointment-status', { hasText: zhCN['appointment.status.cancelled'] }).waitFor()
    const mine = ok(await http('GET', '/me/appointments', { token: customer.token }), 'appointments').items.find((a: { id: string }) => a.id === booked.id)
    expect(mine.cancellation).toMatchObject({ refundPercent: 50, refundDueFen: setup.pkg.depositFen / 2 })
  }, JOURNEY_TIMEOUT)
})
