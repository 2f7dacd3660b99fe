import type { Browser, Page } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { fill, launchBrowser, screenshot, tap } from '../support/browser'
import { JOURNEY_TIMEOUT, answerDialog, customerOnPhone, press, settled, staffOnPhone, typeAmount } from '../support/app'
import { bookableStudioOverHttp, freeSlots } from '../support/bookable'
import { shanghaiDay } from '../support/booking'
import { signInCustomer } from '../support/http'
import { dayLabel } from '../../src/lib/date-labels'
import type { Translate } from '../../src/i18n'

const PACKAGE = '森系个人写真'
/** The app's Chinese words with their blanks filled, as the pages say them. */
const zhT: Translate = (key, params = {}) => zhCN[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))

let browser: Browser
let setup: Awaited<ReturnType<typeof bookableStudioOverHttp>>
/** The first free time, which both customers go for. */
let first: { date: string; time: string }

beforeAll(async () => {
  setup = await bookableStudioOverHttp('光影测试影楼', PACKAGE)
  const lookout = await signInCustomer(setup.studio.code, '看看')
  const [soonest] = await freeSlots(lookout.token, setup.pkg.id, setup.branchId)
  if (!soonest) throw new Error('the studio offers no free time')
  first = soonest
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function openBooking(nickname: string) {
  const page = await customerOnPhone(browser, setup.studio.code, nickname)
  await page.locator('#app').getByText(PACKAGE).click()
  await press(page, zhCN['package.book'])
  await page.locator('.slot-calendar__time').first().waitFor()
  return page
}

/** Opens a setup page from its row in the list (the row, not its title, takes the tap). */
async function openEntry(page: Page, title: string) {
  await page.locator('#app .nut-cell', { hasText: title }).first().click()
}

const daysFromToday = (date: string) => Math.round((Date.parse(date) - Date.parse(shanghaiDay(0))) / 86_400_000)

describe('booking a shoot', () => {
  it('holds the time for one customer with a countdown, tells the next that it is taken, and shows it on the photographer’s day', async () => {
    // Both customers have the calendar open before either books.
    const xiaoyu = await openBooking('小雨')
    const ajie = await openBooking('阿杰')
    await expect(xiaoyu.locator('.slot-calendar__time').first().textContent()).resolves.toBe(first.time)
    await settled(xiaoyu)
    await screenshot(xiaoyu, 'customer-booking-calendar')

    await xiaoyu.locator('.slot-calendar__time').first().click()
    await xiaoyu.locator('.book__option').first().waitFor()
    await xiaoyu.locator('.book__notes textarea').fill('想拍森系风格，两套服装')
    await settled(xiaoyu)
    await screenshot(xiaoyu, 'customer-booking-chosen')
    await press(xiaoyu, zhCN['booking.submit'])

    const countdown = xiaoyu.locator('.held__countdown')
    await countdown.waitFor()
    const shown = await countdown.textContent()
    expect(shown).toMatch(/^请在 1[45]:\d\d 内支付定金$/)
    await xiaoyu.waitForTimeout(1500)
    await expect(countdown.textContent()).resolves.not.toBe(shown)
    await expect(xiaoyu.getByText(zhCN['held.stepDepositAmount'].replace('{amount}', '¥599.70')).first().isVisible()).resolves.toBe(true)
    await settled(xiaoyu)
    await screenshot(xiaoyu, 'customer-booking-held')

    // The second customer taps the same time, now held for the first.
    await ajie.locator('.slot-calendar__time', { hasText: first.time }).first().click()
    await press(ajie, zhCN['booking.submit'])
    await ajie.locator('.book__taken-title', { hasText: zhCN['error.SLOT_TAKEN'] }).waitFor()
    await expect(ajie.locator('.book__suggestion').count()).resolves.toBeGreaterThan(0)
    await screenshot(ajie, 'customer-booking-taken')

    // One of the suggested times can be booked instead.
    await ajie.locator('.book__suggestion').first().click()
    await ajie.locator('.slot-calendar__time--selected').waitFor()
    await press(ajie, zhCN['booking.submit'])
    await ajie.locator('.held__countdown').waitFor()

    // Changing their mind, they see what cancelling now refunds before they confirm.
    await press(ajie, zhCN['held.toMyAppointments'])
    await press(ajie, zhCN['appointments.cancel'])
    await ajie.getByText(zhCN['appointments.refundPolicy']).waitFor()
    await expect(ajie.getByText(zhCN['appointments.nothingPaid']).isVisible()).resolves.toBe(true)
    await settled(ajie)
    await screenshot(ajie, 'customer-appointments-cancel')
    await press(ajie, zhCN['appointments.confirmCancel'])
    await ajie.locator('.appointment-status', { hasText: zhCN['appointment.status.cancelled'] }).waitFor()
    await screenshot(ajie, 'customer-appointments')

    const photographer = await staffOnPhone(browser, setup.studio.code, 'photographer')
    await tap(photographer, zhCN['tile.myDay'])
    await photographer.locator('.date-switcher').waitFor()
    for (let day = 0; day < daysFromToday(first.date); day++) {
      await photographer.locator('.date-switcher__move').last().click()
    }
    const row = photographer.locator('.appointment-row', { hasText: '小雨' })
    await row.waitFor()
    await expect(row.locator('.appointment-row__start').textContent()).resolves.toBe(first.time)
    await expect(row.getByText(PACKAGE).isVisible()).resolves.toBe(true)
    await row.getByText('一号棚').waitFor()
    // The title names the day shown, in the same style as the customer's dates (12月2日 周三).
    await expect(photographer.title()).resolves.toBe(zhCN['schedule.dayTitle'].replace('{day}', dayLabel(zhT, first.date)))
    await settled(photographer)
    await screenshot(photographer, 'photographer-my-day')

    // Tapping the shoot opens its own page.
    await row.click()
    await photographer.locator('.shoot__customer', { hasText: '小雨' }).waitFor()
    await settled(photographer)
    await screenshot(photographer, 'photographer-shoot-order')

    // The week: the shoot's day is a card, days with nothing booked fold into one line each.
    await photographer.goBack()
    await photographer.goBack()
    await photographer.locator('.workspace__today').waitFor()
    await screenshot(photographer, 'photographer-workspace-today')
    await tap(photographer, zhCN['tile.myWeek'])
    await photographer.locator('.date-switcher').waitFor()
    if (daysFromToday(first.date) >= 7) await photographer.locator('.date-switcher__move').last().click()
    await photographer.locator('.appointment-row', { hasText: '小雨' }).waitFor()
    await expect(photographer.locator('.schedule-empty-day').count()).resolves.toBe(6)
    await settled(photographer)
    await screenshot(photographer, 'photographer-my-week')

    // An admin's workspace offers no "my day" that would only say no.
    const admin = await staffOnPhone(browser, setup.studio.code, 'admin')
    await admin.locator('.workspace__tile').first().waitFor()
    await expect(admin.locator('.workspace__tile', { hasText: zhCN['tile.myDay'] }).count()).resolves.toBe(0)
  }, JOURNEY_TIMEOUT * 2)

  it('lets reception take the deposit from the branch day and book for a customer', async () => {
    const page = await staffOnPhone(browser, setup.studio.code, 'reception')
    await tap(page, zhCN['tile.bookings'])
    await page.locator('.date-switcher').waitFor()
    for (let day = 0; day < daysFromToday(first.date); day++) {
      await page.locator('.date-switcher__move').last().click()
    }
    const row = page.locator('.appointment-row', { hasText: '小雨' })
    await row.waitFor()
    await settled(page)
    await screenshot(page, 'reception-branch-day')
    // The deposit is taken as a payment on the booking's order, which confirms the booking.
    await row.locator('taro-button-core', { hasText: zhCN['desk.confirmDeposit'] }).click()
    await typeAmount(page, (setup.pkg.depositFen / 100).toFixed(2))
    await press(page, zhCN['payment.record'])
    await answerDialog(page, zhCN['payment.confirmTitle'])
    await page.locator('.pay-row', { hasText: zhCN['paymentKind.deposit'] }).waitFor()
    await page.goBack()
    await row.locator('.appointment-status', { hasText: zhCN['appointment.status.confirmed'] }).waitFor()

    await press(page, zhCN['desk.bookForCustomer'])
    await fill(page, zhCN['customers.searchPlaceholder'], '小雨')
    await page.locator('.customer-search__row', { hasText: '小雨' }).first().click()
    await page.locator('.pick__row', { hasText: PACKAGE }).click()
    await page.getByText(zhCN['booking.forCustomer'].replace('{name}', '小雨')).waitFor()
    await page.locator('.slot-calendar__time').first().click()
    await settled(page)
    await screenshot(page, 'reception-book-for-customer')
    await press(page, zhCN['booking.submit'])
    await press(page, zhCN['held.recordDeposit'])
    await typeAmount(page, (setup.pkg.depositFen / 100).toFixed(2))
    await press(page, zhCN['payment.record'])
    await answerDialog(page, zhCN['payment.confirmTitle'])
    await page.locator('.pay-row', { hasText: zhCN['paymentKind.deposit'] }).waitFor()
    await page.goBack()
    await page.getByText(zhCN['held.confirmedTitle']).waitFor()
    // The "confirmed" toast passes before the picture is taken.
    await page.waitForTimeout(1600)
    await screenshot(page, 'reception-booking-confirmed')
  }, JOURNEY_TIMEOUT)

  it('gives the manager the branch’s opening hours, rooms and staff schedules, and the admin the studio’s booking rules', async () => {
    const page = await staffOnPhone(browser, setup.studio.code, 'manager')
    await tap(page, zhCN['tile.bookingSetup'])
    await page.locator('.nut-cell', { hasText: zhCN['hours.title'] }).waitFor()
    // The booking rules hold in every branch: a branch's manager is not offered them.
    await expect(page.locator('.nut-cell', { hasText: zhCN['policy.title'] }).count()).resolves.toBe(0)
    await settled(page)
    await screenshot(page, 'manager-booking-setup')

    await openEntry(page, zhCN['hours.title'])
    await page.locator('.card__title', { hasText: zhCN['hours.closedDates'] }).waitFor()
    await settled(page)
    await screenshot(page, 'manager-opening-hours')
    await page.goBack()

    await openEntry(page, zhCN['rooms.title'])
    await page.locator('.rooms__item input').first().waitFor()
    await fill(page, zhCN['rooms.namePlaceholder'], '森系外景')
    await press(page, zhCN['rooms.addButton'])
    await page.locator('.rooms__item').nth(1).waitFor()
    await settled(page)
    await screenshot(page, 'manager-rooms')
    await page.goBack()

    await openEntry(page, zhCN['staffSchedule.title'])
    await page.locator('.staff-schedule__member', { hasText: 'photographer' }).click()
    await page.locator('.card__title', { hasText: zhCN['staffSchedule.daysOff'] }).waitFor()
    await settled(page)
    await screenshot(page, 'manager-staff-schedule')

    const admin = await staffOnPhone(browser, setup.studio.code, 'admin')
    await tap(admin, zhCN['tile.bookingSetup'])
    await openEntry(admin, zhCN['policy.title'])
    await admin.locator('.card__title', { hasText: zhCN['policy.refundTiers'] }).waitFor()
    await press(admin, zhCN['common.save'])
    await admin.getByText(zhCN['common.saved'], { exact: true }).waitFor()
    await settled(admin)
    await screenshot(admin, 'admin-booking-policy')
  }, JOURNEY_TIMEOUT)
})
