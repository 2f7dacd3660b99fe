import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { ulid } from 'ulid'
import { enUS } from '../../src/i18n/en-US'
import { zhCN } from '../../src/i18n/zh-CN'
import { appUrl, launchBrowser, screenshot, tap } from '../support/browser'
import { chooseEnglish, customerOnPhone, JOURNEY_TIMEOUT, PHONE_390, press, seedCatalog, settled, staffOnPhone } from '../support/app'
import { bookableStudioOverHttp, freeSlots } from '../support/bookable'
import { dayLabel } from '../../src/lib/date-labels'
import type { Translate } from '../../src/i18n'
import { http, ok, signIn, signInCustomer } from '../support/http'
import { newStudio } from '../support/studio'

const PACKAGE = '森系写真'
let browser: Browser
let studio: Awaited<ReturnType<typeof newStudio>>
let packageId: string
const tokens: Record<string, string> = {}
const as = (username: string) => ({ token: tokens[username]! })

const zhT: Translate = (key, params = {}) => zhCN[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))

/** 12月2日 周三: the date style of every staff and customer page. */
const DAY_STYLE = /\d{1,2}月\d{1,2}日 周[一二三四五六日]/

beforeAll(async () => {
  studio = await newStudio(undefined, '光影测试影楼')
  for (const username of ['admin', 'reception', 'finance', 'manager']) tokens[username] = await signIn(studio.code, username)
  const [pkg] = await seedCatalog(studio.code, [studio.branches[0]!.id], [{ name: PACKAGE, category: 'portrait', priceFen: 299900, image: 'portrait' }])
  packageId = pkg.id
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** An order the desk opened for a new customer, with a cash deposit recorded (unaudited). */
async function orderWithCashDeposit(name: string, phone: string, amountFen: number) {
  const customerId = ok(await http('POST', '/customers', { ...as('reception'), body: { name, phone } }), 'customer').id
  const order = ok(await http('POST', '/orders', { ...as('reception'), body: { requestId: ulid(), customerId, packageId } }), 'order')
  const paid = ok(await http('POST', `/orders/${order.id}/payments`, { ...as('reception'), body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen } }), 'deposit')
  return { customerId, orderId: order.id as string, paymentId: paid.payments[0].id as string }
}

/**
 * Pulls the page down with the finger, as Taro's H5 pull-down component (taro-pull-to-refresh-core)
 * reads it: touch events on the shown page (touchstart, touchmoves past its 50 px threshold,
 * touchend), after which it calls the page's registered onPullDownRefresh.
 */
async function pullDown(page: Page) {
  await page.evaluate(async () => {
    const shown = Array.from(document.querySelectorAll('taro-pull-to-refresh-core')).find(
      (el) => el.getClientRects().length > 0 && (!el.parentElement || getComputedStyle(el.parentElement).display !== 'none'),
    )
    if (!shown) throw new Error('the page has no pull-down refresh')
    const target = shown.querySelector('.rmc-pull-to-refresh-content') ?? shown
    const touchAt = (y: number) => new Touch({ identifier: 1, target, clientX: 180, clientY: y, screenX: 180, screenY: y, pageX: 180, pageY: y })
    const send = (type: string, y: number) => {
      const touch = touchAt(y)
      const touches = type === 'touchend' ? [] : [touch]
      target.dispatchEvent(new TouchEvent(type, { bubbles: true, cancelable: true, touches, targetTouches: touches, changedTouches: [touch] }))
    }
    send('touchstart', 100)
    for (let y = 120; y <= 400; y += 20) {
      send('touchmove', y)
      await new Promise((done) => setTimeout(done, 16))
    }
    send('touchend', 400)
  })
}

describe('the small things of daily use', () => {
  it('refreshes finance’s 待审核 by pulling it down, and a payment refunded in full leaves it', async () => {
    const first = await orderWithCashDeposit('钱多多', '13700137001', 80000)
    const finance = await staffOnPhone(browser, studio.code, 'finance', PHONE_390)
    await tap(finance, zhCN['tile.paymentAudit'])
    await finance.locator('.finance__row', { hasText: '钱多多' }).waitFor()

    // A second payment is recorded at the desk meanwhile: pulling the list down shows it.
    await orderWithCashDeposit('孙悦', '13700137002', 60000)
    await expect(finance.locator('.finance__row', { hasText: '孙悦' }).count()).resolves.toBe(0)
    await pullDown(finance)
    await finance.locator('.finance__row', { hasText: '孙悦' }).waitFor()
    await settled(finance)
    await screenshot(finance, 'daily-pull-to-refresh')

    // The first is paid back in full before finance audits it: it is no longer waiting for an audit.
    ok(
      await http('POST', `/orders/${first.orderId}/payments/${first.paymentId}/refund`, { ...as('finance'), body: { requestId: ulid(), amountFen: 80000, reason: '客户取消' } }),
      'refund',
    )
    await pullDown(finance)
    await finance.locator('.finance__row', { hasText: '钱多多' }).waitFor({ state: 'detached' })
    await expect(finance.locator('.finance__row', { hasText: '孙悦' }).count()).resolves.toBe(1)
    await settled(finance)
    await screenshot(finance, 'daily-refunded-leaves-unaudited')
  }, JOURNEY_TIMEOUT * 2)

  it('shows the admin each audit entry with its customer, order, amount and day, and opens the order', async () => {
    const { orderId } = await orderWithCashDeposit('周晓', '13700137003', 50000)
    const admin = await staffOnPhone(browser, studio.code, 'admin', PHONE_390)
    await tap(admin, zhCN['tile.auditLog'])
    const entry = admin.locator('.audit__entry', { hasText: zhCN['audit.action.payment.recorded'] }).filter({ hasText: '周晓' })
    await entry.waitFor()
    await expect(entry.locator('.audit__subject').textContent()).resolves.toBe(`周晓 · ${PACKAGE}`)
    await expect(entry.locator('.audit__amount').textContent()).resolves.toBe('¥500.00')
    // Staff dates in the customers' style: 12月2日 周三.
    await expect(entry.locator('.audit__time').textContent()).resolves.toMatch(DAY_STYLE)
    await settled(admin)
    await screenshot(admin, 'daily-audit-entries')
    await entry.click()
    await admin.locator('.staff-order__customer', { hasText: '周晓' }).waitFor()
    expect(admin.url()).toContain(orderId)
    await settled(admin)
    await screenshot(admin, 'daily-audit-opens-order')
  }, JOURNEY_TIMEOUT)

  it('shows the audit entry in English for an English-speaking admin', async () => {
    const page = await staffOnPhone(browser, studio.code, 'admin', PHONE_390)
    await chooseEnglish(page)
    await page.goto(`${appUrl()}/#/staff/workspace/index`)
    await tap(page, enUS['tile.auditLog'])
    const entry = page.locator('.audit__entry', { hasText: enUS['audit.action.payment.recorded'] }).filter({ hasText: '周晓' })
    await entry.waitFor()
    await expect(entry.locator('.audit__open').textContent()).resolves.toBe(enUS['audit.openOrder'])
    await expect(entry.locator('.audit__amount').textContent()).resolves.toBe('¥500.00')
    await settled(page)
    await screenshot(page, 'daily-audit-entries-en')
  }, JOURNEY_TIMEOUT)

  it('offers an admin no 今日安排 tile that would open a no-permission page', async () => {
    const admin = await staffOnPhone(browser, studio.code, 'admin', PHONE_390)
    await admin.locator('.workspace__tile', { hasText: zhCN['tile.orders'] }).waitFor()
    // The admin has no shoots of their own: their daily tiles are the studio's, none of them refused.
    await expect(admin.locator('.workspace__tile', { hasText: zhCN['tile.myDay'] }).count()).resolves.toBe(0)
    await expect(admin.getByText(zhCN['error.FORBIDDEN']).count()).resolves.toBe(0)
    await settled(admin)
    await screenshot(admin, 'daily-admin-my-day')
  }, JOURNEY_TIMEOUT)

  it('lists the accepted source channels on the import page and says a row’s problem in Chinese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'))
    const file = join(dir, 'customers.csv')
    writeFileSync(file, '姓名,手机号,伴侣姓名,婚期,生日,来源,标签,备注\n郑好,13700137009,,,,朋友圈广告,,\n')
    const admin = await staffOnPhone(browser, studio.code, 'admin', PHONE_390)
    await tap(admin, zhCN['tile.import'])
    for (const source of ['source.dianping', 'source.xiaohongshu', 'source.douyin'] as const) {
      await expect(admin.locator('.import__file', { hasText: zhCN['import.sources'].split('{')[0]! }).textContent()).resolves.toContain(zhCN[source])
    }
    const chooser = admin.waitForEvent('filechooser')
    await press(admin, zhCN['import.choose'])
    await (await chooser).setFiles(file)
    await admin.getByText(zhCN['import.previewTitle']).waitFor()
    await expect(admin.locator('.import__error').first().textContent()).resolves.toContain(zhCN['import.problem.UNKNOWN_SOURCE'].replace('{value}', '朋友圈广告'))
    await settled(admin)
    await screenshot(admin, 'daily-import-problem-zh')
  }, JOURNEY_TIMEOUT)
})

describe('booking, as the customer sees it', () => {
  const BOOKED = '森系婚纱'
  let setup: Awaited<ReturnType<typeof bookableStudioOverHttp>>

  beforeAll(async () => {
    setup = await bookableStudioOverHttp('光影预约影楼', BOOKED)
    // Changes are allowed up to two days before a shoot: the first free times are inside that window.
    const policy = ok(await http('GET', '/booking/policy', { token: setup.admin }), 'policy')
    ok(await http('PUT', '/booking/policy', { token: setup.admin, body: { ...policy, changeCutoffHours: 48 } }), 'policy change')
  })

  async function openBooking(nickname: string) {
    const page = await customerOnPhone(browser, setup.studio.code, nickname, PHONE_390)
    await page.locator('#app').getByText(BOOKED).click()
    await press(page, zhCN['package.book'])
    await page.locator('.slot-calendar__time').first().waitFor()
    return page
  }

  it('toggles the reminder by its words, and warns before a time inside the change window is booked', async () => {
    const page = await openBooking('小林')
    // The switch only appears with the notes, once a time is chosen: the first free one, inside the window.
    await page.locator('.slot-calendar__time').first().click()
    await page.locator('.book__reminder .nut-switch-button-close').waitFor()
    await page.locator('.book__reminder-text', { hasText: zhCN['booking.remind'] }).click()
    await page.locator('.book__reminder .nut-switch-button-open').waitFor({ timeout: 5000 })

    const warning = page.locator('.book__window')
    await expect(warning.textContent()).resolves.toBe(zhCN['booking.insideChangeWindow'].replace('{hours}', '48'))
    await warning.scrollIntoViewIfNeeded()
    await settled(page)
    await screenshot(page, 'daily-booking-window-warning')
    // Nothing is booked until the customer confirms.
    await expect(page.locator('.held__countdown').count()).resolves.toBe(0)

    await page.locator('.book__reminder-text', { hasText: zhCN['booking.remind'] }).click()
    await page.locator('.book__reminder .nut-switch-button-close').waitFor({ timeout: 5000 })
  }, JOURNEY_TIMEOUT)

  it('shows the current time when a paid booking is moved, with no deposit-hold note', async () => {
    const customer = await signInCustomer(setup.studio.code, '小周')
    const slots = (await freeSlots(customer.token, setup.pkg.id, setup.branchId)).filter((slot) => Date.parse(slot.startsAt) - Date.now() > 5 * 86_400_000)
    const chosen = slots[0]!
    const booked = ok(await http('POST', '/bookings', { token: customer.token, body: { packageId: setup.pkg.id, branchId: setup.branchId, startsAt: chosen.startsAt } }), 'booking')
    const reception = await signIn(setup.studio.code, 'reception')
    const order = ok(await http('GET', `/orders/${booked.orderId}`, { token: reception }), 'order').order
    ok(
      await http('POST', `/orders/${booked.orderId}/payments`, { token: reception, body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.depositFen } }),
      'deposit at the desk',
    )

    const page = await customerOnPhone(browser, setup.studio.code, '小周', PHONE_390)
    await page.goto(`${appUrl()}#${'/booking/book/index'}?packageId=${setup.pkg.id}&branchId=${setup.branchId}&appointmentId=${booked.id}`)
    const current = page.locator('.book__current-value')
    await current.waitFor()
    await expect(current.textContent()).resolves.toBe(`${dayLabel(zhT, chosen.date)} ${chosen.time}`)
    await page.locator('.slot-calendar__time').first().waitFor()
    await expect(page.getByText(zhCN['booking.holdNote'].split('{')[0]!).count()).resolves.toBe(0)
    await settled(page)
    await screenshot(page, 'daily-reschedule-paid')
  }, JOURNEY_TIMEOUT)

  it('books the shoot of an order whose deposit the desk took with no deposit-hold note', async () => {
    const reception = await signIn(setup.studio.code, 'reception')
    const customer = ok(await http('POST', '/customers', { token: reception, body: { name: '陈小姐', phone: '13700137009' } }), 'customer')
    const order = ok(await http('POST', '/orders', { token: reception, body: { requestId: ulid(), customerId: customer.id, packageId: setup.pkg.id, branchId: setup.branchId } }), 'order')
    ok(await http('POST', `/orders/${order.id}/payments`, { token: reception, body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.depositFen } }), 'deposit at the desk')

    const page = await staffOnPhone(browser, setup.studio.code, 'reception', PHONE_390)
    const query = `desk=1&packageId=${setup.pkg.id}&branchId=${setup.branchId}&customerId=${customer.id}&customerName=${encodeURIComponent('陈小姐')}&orderId=${order.id}`
    await page.goto(`${appUrl()}#/booking/book/index?${query}`)
    await page.locator('.slot-calendar__time').first().click()
    // A time is chosen and the notes are shown: none asks for a deposit already paid.
    await page.locator('.book__policy', { hasText: zhCN['booking.cutoffNote'].split('{')[0]! }).waitFor()
    await expect(page.getByText(zhCN['booking.holdNote'].split('{')[0]!).count()).resolves.toBe(0)
    await settled(page)
    await screenshot(page, 'daily-desk-book-paid-order')

    // The same page for a desk booking without a paid order does ask for the deposit within the hold.
    await page.goto(`${appUrl()}#/booking/book/index?desk=1&packageId=${setup.pkg.id}&branchId=${setup.branchId}&customerId=${customer.id}&customerName=${encodeURIComponent('陈小姐')}`)
    await page.reload()
    await page.locator('.slot-calendar__time').first().click()
    await page.getByText(zhCN['booking.holdNote'].split('{')[0]!).waitFor()
  }, JOURNEY_TIMEOUT)
})
