import type { Browser } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { fill, screenshot, tap } from '../support/browser'
import { JOURNEY_TIMEOUT, press, settled, staffOnPhone, studioAndBrowser, type TestStudio } from '../support/app'

let browser: Browser
let studio: TestStudio

beforeAll(async () => {
  ;({ studio, browser } = await studioAndBrowser())
})
afterAll(async () => {
  await browser?.close()
})

describe('reception with the customer file', () => {
  it('adds a customer and finds them again by the last four digits of the phone', async () => {
    const page = await staffOnPhone(browser, studio.code, 'reception')
    await tap(page, zhCN['tile.customers'])
    await page.getByText(zhCN['customers.empty']).waitFor()
    await settled(page)
    await screenshot(page, 'reception-customers-empty')

    await press(page, zhCN['customers.add'])
    await fill(page, zhCN['customerForm.namePlaceholder'], '林小雨')
    await fill(page, zhCN['field.phone.placeholder'], '139 1234 5678')
    await fill(page, zhCN['customerForm.tagsPlaceholder'], 'VIP 森系')
    await settled(page)
    await screenshot(page, 'reception-customer-form')
    await press(page, zhCN['customerForm.create'])

    await page.getByText(zhCN['customer.profile']).waitFor()
    await expect(page.getByText('13912345678').isVisible()).resolves.toBe(true)
    await expect(page.getByText(zhCN['customer.noOrders']).isVisible()).resolves.toBe(true)
    await settled(page)
    await screenshot(page, 'reception-customer-file')

    await page.goBack()
    await fill(page, zhCN['customers.searchPlaceholder'], '5678')
    await page.locator('.customer-row').getByText('林小雨').waitFor()
    await expect(page.locator('.customer-row').count()).resolves.toBe(1)
    await screenshot(page, 'reception-customer-found')
  }, JOURNEY_TIMEOUT)

  it('tells reception when the phone already belongs to another customer', async () => {
    const page = await staffOnPhone(browser, studio.code, 'reception')
    await tap(page, zhCN['tile.customers'])
    await press(page, zhCN['customers.add'])
    await fill(page, zhCN['customerForm.namePlaceholder'], '另一位客户')
    await fill(page, zhCN['field.phone.placeholder'], '13912345678')
    await press(page, zhCN['customerForm.create'])
    await page.locator('.form-field__error', { hasText: zhCN['error.PHONE_TAKEN'] }).waitFor()
    await screenshot(page, 'reception-phone-taken')
  }, JOURNEY_TIMEOUT)
})
