import type { Browser, Page } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { appUrl, fill, launchBrowser, screenshot, tap } from '../support/browser'
import { JOURNEY_TIMEOUT, customerOnPhone, settled, staffOnPhone } from '../support/app'
import { bookableStudioOverHttp, freeSlots } from '../support/bookable'
import { http, signInCustomer } from '../support/http'

const PACKAGE = '城市旅拍'
const ADDRESS = '上海市静安区南京西路 1266 号 3 层'
const PHONE = '021-6288 1234'

let browser: Browser
let setup: Awaited<ReturnType<typeof bookableStudioOverHttp>>

beforeAll(async () => {
  setup = await bookableStudioOverHttp('光影测试影楼', PACKAGE)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Taps a button and answers the address of the page it opens in a new tab (the map), without going out to the internet. */
async function opensTab(page: Page, label: string): Promise<string> {
  await page.context().route('https://uri.amap.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>map</p>' }))
  const [tab] = await Promise.all([page.context().waitForEvent('page'), tap(page, label)])
  await tab.waitForLoadState()
  const url = tab.url()
  await tab.close()
  return url
}

describe('reaching the studio', () => {
  it('lets the manager set the branch’s address, phone and map pin, and shows them with the team on every page a customer looks at', async () => {
    const manager = await staffOnPhone(browser, setup.studio.code, 'manager')
    await tap(manager, zhCN['tile.bookingSetup'])
    await manager.locator('#app .nut-cell', { hasText: zhCN['branchContact.title'] }).first().click()
    await manager.getByText(zhCN['branchContact.heading']).waitFor()
    const address = manager.locator('#app .form-field', { hasText: zhCN['branchContact.address'] }).locator('input')
    await address.fill(ADDRESS)
    await fill(manager, '010-12345678', PHONE)
    await fill(manager, '39.9087', '999')
    await fill(manager, '116.3975', '121.4526')
    await tap(manager, zhCN['common.save'])
    // A latitude beyond the pole is refused beside its field and nothing is saved.
    await manager.getByText(zhCN['form.fixFields']).waitFor()
    await settled(manager)
    await screenshot(manager, 'branch-contact-refused')
    await fill(manager, '39.9087', '31.2304')
    await tap(manager, zhCN['common.save'])
    await manager.locator('.branch-contact__line', { hasText: ADDRESS }).waitFor()
    await settled(manager)
    await screenshot(manager, 'branch-contact-manager')

    // A customer with a confirmed shoot: the photographer and makeup artist were assigned when it was booked.
    const customer = await signInCustomer(setup.studio.code, '小林')
    const [slot] = await freeSlots(customer.token, setup.pkg.id, setup.branchId)
    const booked = await http('POST', '/bookings', { token: customer.token, body: { packageId: setup.pkg.id, branchId: setup.branchId, startsAt: slot!.startsAt } })
    expect(booked.status).toBe(200)
    expect((await http('POST', `/bookings/${booked.body.id}/confirm`, { token: setup.manager, body: {} })).status).toBe(200)

    const page = await customerOnPhone(browser, setup.studio.code, '小林')
    await page.goto(`${appUrl()}/#/booking/held/index?id=${booked.body.id}`)
    await page.locator('.branch-contact__line', { hasText: ADDRESS }).waitFor()
    await expect(page.locator('#app').getByText(PHONE).count()).resolves.toBe(1)
    await expect(page.locator('#app .held__fact', { hasText: zhCN['role.photographer'] }).textContent()).resolves.not.toContain(zhCN['shoot.notAssigned'])
    await expect(page.locator('#app .held__fact', { hasText: zhCN['shoot.room'] }).textContent()).resolves.toContain('一号棚')
    await settled(page)
    await screenshot(page, 'branch-contact-held')
    // In a browser the map button opens Amap at the branch's pin.
    expect(await opensTab(page, zhCN['branch.map'])).toContain('position=121.4526,31.2304')

    await page.goto(`${appUrl()}/#/booking/appointments/index`)
    await page.locator('.appointments__item .branch-contact__line', { hasText: ADDRESS }).waitFor()
    await expect(page.locator('.appointments__item').first().textContent()).resolves.toContain(zhCN['role.makeup'])
    await settled(page)
    await screenshot(page, 'branch-contact-appointments')

    await page.goto(`${appUrl()}/#/order/detail/index?id=${booked.body.orderId}`)
    await page.locator('.branch-contact__line', { hasText: ADDRESS }).waitFor()
    await page.locator('.order__row', { hasText: zhCN['role.photographer'] }).waitFor()
    await page.locator('.order .branch-contact').first().scrollIntoViewIfNeeded()
    await settled(page)
    await screenshot(page, 'branch-contact-order')

    await page.goto(`${appUrl()}/#/pages/me/index`)
    await page.locator('.branch-contact__line', { hasText: ADDRESS }).waitFor()
    await page.locator('.me .branch-contact').first().scrollIntoViewIfNeeded()
    await settled(page)
    await screenshot(page, 'branch-contact-me')
  }, JOURNEY_TIMEOUT * 2)
})
