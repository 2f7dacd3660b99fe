import type { Browser } from 'playwright-core'
import { ulid } from 'ulid'
import { zhCN } from '../../src/i18n/zh-CN'
import { screenshot, tap } from '../support/browser'
import { JOURNEY_TIMEOUT, settled, staffOnPhone, studioAndBrowser, type TestStudio } from '../support/app'
import { deliver, paidCharge } from '../support/unmatched-pay'

let browser: Browser
let studio: TestStudio

beforeAll(async () => {
  ;({ studio, browser } = await studioAndBrowser('光影退款测试影楼'))
})
afterAll(async () => {
  await browser?.close()
})

describe('money WeChat Pay took that no order could take, on finance’s phone', () => {
  it('shows its amount, why and that it went back, in 待退款', async () => {
    const { notification, transactionId } = await paidCharge(26_800, `${studio.studio.id}/${ulid()}`)
    expect((await deliver(notification)).status).toBe(204)

    const page = await staffOnPhone(browser, studio.code, 'finance')
    await tap(page, zhCN['tile.paymentAudit'])
    const row = page.locator('.finance__row--unmatched', { hasText: transactionId })
    await row.waitFor()
    await expect(row.textContent()).resolves.toContain('¥268.00')
    await expect(row.textContent()).resolves.toContain(zhCN['unmatched.reason.unknown_order'])
    await expect(row.textContent()).resolves.toContain(zhCN['unmatched.status.refunded'])
    await row.scrollIntoViewIfNeeded()
    await settled(page)
    await screenshot(page, 'finance-unmatched-payment')
  }, JOURNEY_TIMEOUT)
})
