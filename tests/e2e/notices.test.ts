import type { Browser } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { appUrl, launchBrowser, screenshot } from '../support/browser'
import { JOURNEY_TIMEOUT, PHONE_390, customerOnPhone, press, settled, staffOnPhone } from '../support/app'
import { studioWithCustomers } from '../support/customer-orders'
import { http, ok } from '../support/http'
import { moveOrder } from '../support/orders'

let studio: Awaited<ReturnType<typeof studioWithCustomers>>
let browser: Browser

beforeAll(async () => {
  studio = await studioWithCustomers('光影测试影楼', '韩式婚纱照')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('telling the customer', () => {
  it('takes the customer’s consent by a tap on the order, then tells them once when the photos are ready to select', async () => {
    const { orderId } = await studio.shotOrder('小林')
    const page = await customerOnPhone(browser, studio.setup.studio.code, '小林', PHONE_390)
    await page.goto(`${appUrl()}/#/order/detail/index?id=${orderId}`)
    await page.getByText(zhCN['notices.title']).waitFor()
    await expect(page.locator('.order__notice--off').count()).resolves.toBe(3)
    await expect(page.getByText(zhCN['notices.simulatedNote']).isVisible()).resolves.toBe(true)
    await page.locator('.order__notice-actions').scrollIntoViewIfNeeded()
    await settled(page)
    await screenshot(page, 'notices-ask')

    await press(page, zhCN['notices.subscribeSimulated'])
    await page.locator('.order__notice--on').nth(2).waitFor()
    await expect(page.locator('.order__notice-actions').count()).resolves.toBe(0)
    await settled(page)
    await screenshot(page, 'notices-subscribed')

    // The photographer moves the order on: the customer is told, and the studio's outbox shows it.
    await moveOrder(studio.staff.photographer, orderId, 'shot', 'selecting')
    await page.reload()
    await page.locator('.order__notice--sent').waitFor()
    await expect(page.locator('.order__notice--sent').count()).resolves.toBe(1)
    await expect(page.locator('.order__notice--sent').textContent()).resolves.toContain(zhCN['notices.kind.photos-ready'])
    await page.locator('.order__notice--sent').scrollIntoViewIfNeeded()
    await settled(page)
    await screenshot(page, 'notices-sent')

    const outbox = ok(await http('GET', '/reminders/outbox', { token: studio.setup.manager }), 'outbox')
    expect(outbox.items.filter((m: { orderId?: string }) => m.orderId === orderId).map((m: { template: string }) => m.template)).toEqual(['photos-ready'])
    const manager = await staffOnPhone(browser, studio.setup.studio.code, 'manager', PHONE_390)
    await manager.goto(`${appUrl()}/#/schedule/outbox/index`)
    await manager.getByText(zhCN['notices.kind.photos-ready'], { exact: false }).first().waitFor()
    await settled(manager)
    await screenshot(manager, 'notices-outbox')
  }, JOURNEY_TIMEOUT * 2)
})
