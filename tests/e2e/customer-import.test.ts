import { resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { samplePackage } from '../../scripts/lib/sample-package'
import { screenshot, tap } from '../support/browser'
import { operationsOf } from '../support/dispatch'
import { depsFor } from '../support/studio'
import { TEST_PASSWORD, TEST_TABLE } from '../support/constants'
import { JOURNEY_TIMEOUT, press, settled, staffOnPhone, studioAndBrowser, type TestStudio } from '../support/app'

const GBK_FILE = resolve(__dirname, '../fixtures/customers-gbk.csv')
const ORDERS_FILE = resolve(__dirname, '../fixtures/orders-gbk.csv')

let browser: Browser
let studio: TestStudio

beforeAll(async () => {
  ;({ studio, browser } = await studioAndBrowser())
})
afterAll(async () => {
  await browser?.close()
})

describe('an admin importing customers', () => {
  it('checks a GBK file first, sees every bad row, then confirms and sees what was imported', async () => {
    const page = await staffOnPhone(browser, studio.code, 'admin')
    await tap(page, zhCN['tile.import'])
    const chooser = page.waitForEvent('filechooser')
    await press(page, zhCN['import.choose'])
    await (await chooser).setFiles(GBK_FILE)

    await page.getByText(zhCN['import.previewTitle']).waitFor()
    const errors = page.locator('.import__error')
    await expect(errors.count()).resolves.toBeGreaterThanOrEqual(4)
    for (const line of [4, 5, 6, 7]) {
      await expect(page.getByText(new RegExp(`^第 ${line} 行`)).first().isVisible()).resolves.toBe(true)
    }
    await settled(page)
    await screenshot(page, 'admin-import-dry-run')
    await errors.last().scrollIntoViewIfNeeded()
    await screenshot(page, 'admin-import-dry-run-rows')

    await press(page, zhCN['import.confirm'])
    await page.getByText(zhCN['import.doneTitle']).waitFor()
    const done = page.locator('.card', { hasText: zhCN['import.doneTitle'] })
    await expect(done.locator('.import__count', { hasText: zhCN['import.created'] }).locator('.import__count-value').textContent()).resolves.toBe('3')
    await screenshot(page, 'admin-import-done')
  }, JOURNEY_TIMEOUT)
})

describe('an admin importing past orders', () => {
  it('checks the old system’s GBK order file, sees the bad lines and the unknown package, then imports the rest', async () => {
    const ops = operationsOf(depsFor(TEST_TABLE))
    const admin = (await ops.call('auth.staffSignIn', { studioCode: studio.code, username: 'admin', password: TEST_PASSWORD })).token as string
    await ops.call('catalog.createPackage', samplePackage([studio.branches[0]!.id], { name: '经典婚纱套系', priceFen: 899_900 }), admin)

    const page = await staffOnPhone(browser, studio.code, 'admin')
    await tap(page, zhCN['tile.import'])
    await press(page, zhCN['import.kindOrders'])
    await page.getByText(zhCN['import.ordersTitle']).waitFor()
    const chooser = page.waitForEvent('filechooser')
    await press(page, zhCN['import.choose'])
    await (await chooser).setFiles(ORDERS_FILE)

    await page.getByText(zhCN['import.previewTitle']).waitFor()
    await expect(page.locator('.import__error').count()).resolves.toBe(6)
    await expect(page.getByText(/神秘套系/).first().isVisible()).resolves.toBe(true)
    const preview = page.locator('.card', { hasText: zhCN['import.previewTitle'] })
    await expect(preview.locator('.import__count', { hasText: zhCN['import.orders'] }).locator('.import__count-value').textContent()).resolves.toBe('2')
    await settled(page)
    await screenshot(page, 'admin-import-orders-dry-run')

    await press(page, zhCN['import.confirm'])
    await page.getByText(zhCN['import.doneTitle']).waitFor()
    const done = page.locator('.card', { hasText: zhCN['import.doneTitle'] })
    await expect(done.locator('.import__count', { hasText: zhCN['import.payments'] }).locator('.import__count-value').textContent()).resolves.toBe('3')
    await settled(page)
    await screenshot(page, 'admin-import-orders-done')
  }, JOURNEY_TIMEOUT)
})
