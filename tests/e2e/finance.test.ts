import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { ulid } from 'ulid'
import { studioDate } from '../../functions/domain/time'
import { zhCN } from '../../src/i18n/zh-CN'
import { fill, screenshot, tap } from '../support/browser'
import { JOURNEY_TIMEOUT, press, seedCatalog, settled, staffOnPhone, studioAndBrowser, type TestStudio } from '../support/app'
import { http, ok, signIn } from '../support/http'

const RECEIPT = resolve(__dirname, '../../scripts/demo-media/demo/album.jpg')

let browser: Browser
let studio: TestStudio
let branchId: string
let packageId: string

beforeAll(async () => {
  ;({ studio, browser } = await studioAndBrowser('光影财务测试影楼'))
  branchId = studio.branches[0]!.id
  ;[{ id: packageId }] = await seedCatalog(studio.code, [branchId], [{ name: '经典婚纱', category: 'wedding', priceFen: 600_000, image: 'wedding-classic' }])
})
afterAll(async () => {
  await browser?.close()
})

/** Reception sells an order and takes its deposit in cash, as the desk does. */
async function cashDeposit(amountFen: number) {
  const reception = await signIn(studio.code, 'reception')
  const customer = ok(await http('POST', '/customers', { token: reception, body: { name: `客户${ulid().slice(-4)}`, phone: `139${String(Date.now()).slice(-8)}` } }), 'customer')
  const order = ok(await http('POST', '/orders', { token: reception, body: { requestId: ulid(), customerId: customer.id, packageId, branchId } }), 'order')
  ok(await http('POST', `/orders/${order.id}/payments`, { token: reception, body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen } }), 'cash deposit')
}

/** Opens the workspace tile labelled exactly `label` (the role tag 财务 says the same word). */
const openTile = (page: Page, label: string) => page.locator('.workspace__tile-label', { hasText: new RegExp(`^${label}$`) }).click()

/** Opens one of the finance workspace's rows. */
const openRow = (page: Page, title: string) => page.locator('.nut-cell', { hasText: title }).first().click()

describe('the finance workspace on a phone', () => {
  it('lets a manager set a commission rule, and shows the branch’s commission once money comes in', async () => {
    const page = await staffOnPhone(browser, studio.code, 'manager')
    await openTile(page, zhCN['tile.finance'])
    await openRow(page, zhCN['books.rules'])
    await page.getByText(zhCN['rules.none']).waitFor()
    await tap(page, zhCN['role.reception'])
    await tap(page, zhCN['commission.work.sale'])
    await tap(page, zhCN['rules.base.received'])
    await fill(page, '3', '3')
    await settled(page)
    await screenshot(page, 'manager-commission-rule-form')
    await press(page, zhCN['rules.save'])
    const saved = page.locator('.books-row', { hasText: `${zhCN['role.reception']} · ${zhCN['commission.work.sale']}` })
    await saved.waitFor()
    await expect(saved.textContent()).resolves.toContain('实收金额的 3%')
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'manager-commission-rules')

    await cashDeposit(180_000)
    await page.goBack()
    await openRow(page, zhCN['books.commission'])
    const line = page.locator('.books-row', { hasText: zhCN['commission.work.sale'] })
    await line.first().waitFor()
    await expect(page.locator('.books-hero__amount').textContent()).resolves.toBe('¥54.00')
    await settled(page)
    await screenshot(page, 'manager-commission-branch')
  }, JOURNEY_TIMEOUT)

  it('lets finance record an expense with a receipt photo, void a duplicate, then close the day on the cash counted', async () => {
    // An entry recorded twice by mistake, waiting to be voided.
    const finance = await signIn(studio.code, 'finance')
    const today = studioDate(new Date(), 'Asia/Shanghai')
    ok(
      await http('POST', '/finance/expenses', { token: finance, body: { requestId: ulid(), branchId, kind: 'expense', category: 'supplies', amountFen: 10_000, date: today, payee: '重复的单据' } }),
      'duplicate entry',
    )
    const page = await staffOnPhone(browser, studio.code, 'finance')
    await openTile(page, zhCN['tile.finance'])
    await settled(page)
    await screenshot(page, 'finance-workspace')
    await openRow(page, zhCN['books.expenses'])
    await page.locator('.books-row', { hasText: '重复的单据' }).waitFor()
    await press(page, zhCN['expense.new'])
    await page.getByText(zhCN['expense.receipt'], { exact: true }).waitFor()
    await tap(page, '冲印制作')
    await fill(page, '0.00', '450')
    await fill(page, zhCN['expense.payeePlaceholder'], '彩印中心')
    const chooser = page.waitForEvent('filechooser')
    await tap(page, zhCN['expense.addReceipt'])
    await (await chooser).setFiles(RECEIPT)
    await page.getByText(zhCN['expense.replaceReceipt']).waitFor()
    await settled(page)
    await screenshot(page, 'finance-expense-form')
    await press(page, zhCN['expense.save'])

    const entry = page.locator('.books-row', { hasText: '彩印中心' })
    await entry.waitFor()
    await expect(entry.locator('.books-row__amount').textContent()).resolves.toBe('−¥450.00')
    await expect(entry.locator('.books-row__thumb').count()).resolves.toBe(1)

    await page.locator('.books-row', { hasText: '重复的单据' }).click()
    await fill(page, zhCN['expense.voidReasonPlaceholder'], '重复登记')
    await press(page, zhCN['expense.voidAction'])
    await page.getByText(`${zhCN['expense.void']}：重复登记`).waitFor()
    await page.waitForTimeout(1600)
    await screenshot(page, 'finance-expenses-day')

    await page.goBack()
    await openRow(page, zhCN['books.dayClose'])
    await page.getByText(zhCN['day.closeTitle']).waitFor()
    // The reception's ¥1,800 cash deposit is what the till should hold, and it is still unaudited.
    await expect(page.locator('.books-row', { hasText: zhCN['day.expectedCash'] }).locator('.books-row__amount').textContent()).resolves.toBe('¥1,800.00')
    await page.getByText(zhCN['day.unauditedWarning'].replace('{count}', '1')).waitFor()
    await settled(page)
    await screenshot(page, 'finance-day-open')
    await fill(page, '0.00', '1795')
    await page.getByText('差额 −¥5.00').waitFor()
    await press(page, zhCN['day.close'])
    // A difference needs its reason: the close is refused until one is given.
    await page.getByText(zhCN['form.fixFields']).waitFor()
    await fill(page, zhCN['day.differenceReasonPlaceholder'], '找零短款')
    await press(page, zhCN['day.close'])
    await page.locator('.books-hero__badge--closed').waitFor()
    await expect(page.getByText(zhCN['day.lockedNote']).isVisible()).resolves.toBe(true)
    // The "closed" toast passes before the picture is taken.
    await page.waitForTimeout(1600)
    await screenshot(page, 'finance-day-closed')

    // The day is locked: the desk can take no more money dated on it.
    const refused = await cashDeposit(10_000).catch((error: Error) => error.message)
    expect(refused).toContain('DAY_CLOSED')
  }, JOURNEY_TIMEOUT)
})
