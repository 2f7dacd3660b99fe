import { resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { screenshot, tap } from '../support/browser'
import { JOURNEY_TIMEOUT, press, settled, staffOnPhone, studioAndBrowser, type TestStudio } from '../support/app'

const GBK_FILE = resolve(__dirname, '../fixtures/customers-gbk.csv')

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
