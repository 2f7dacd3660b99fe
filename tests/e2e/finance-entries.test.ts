import type { Browser, Page } from 'playwright-core'
import { ulid } from 'ulid'
import { studioDate } from '../../functions/domain/time'
import { zhCN } from '../../src/i18n/zh-CN'
import { fill, screenshot } from '../support/browser'
import { JOURNEY_TIMEOUT, press, seedCatalog, settled, staffOnPhone, studioAndBrowser, type TestStudio } from '../support/app'
import { http, ok, signIn } from '../support/http'

let browser: Browser
let studio: TestStudio
let branchId: string
let packageId: string
const today = studioDate(new Date(), 'Asia/Shanghai')

beforeAll(async () => {
  ;({ studio, browser } = await studioAndBrowser('光影收支测试影楼'))
  branchId = studio.branches[0]!.id
  ;[{ id: packageId }] = await seedCatalog(studio.code, [branchId], [{ name: '经典婚纱', category: 'wedding', priceFen: 600_000, image: 'wedding-classic' }])
})
afterAll(async () => {
  await browser?.close()
})

/** A staff member on a 390 × 844 phone, in the finance workspace. */
async function inFinance(username: string): Promise<Page> {
  const page = await staffOnPhone(browser, studio.code, username)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.locator('.workspace__tile-label', { hasText: new RegExp(`^${zhCN['tile.finance']}$`) }).click()
  return page
}

const openRow = (page: Page, title: string) => page.locator('.nut-cell', { hasText: title }).first().click()

describe('keeping the entries and categories of the books on a phone', () => {
  it('lets finance correct an entry’s amount and payee, keeping what it was before', async () => {
    const finance = await signIn(studio.code, 'finance')
    ok(
      await http('POST', '/finance/expenses', { token: finance, body: { requestId: ulid(), branchId, kind: 'expense', category: 'lab', amountFen: 45_000, date: today, payee: '彩印中新' } }),
      'entry with a typo',
    )
    const page = await inFinance('finance')
    await openRow(page, zhCN['books.expenses'])
    await page.locator('.books-row', { hasText: '彩印中新' }).click()
    await press(page, zhCN['expense.editAction'])
    await page.getByText(zhCN['expense.receipt'], { exact: true }).waitFor()
    // The form opens with the entry as recorded.
    await expect(page.locator('input[placeholder="0.00"]').inputValue()).resolves.toBe('450.00')
    await fill(page, '0.00', '480')
    await fill(page, zhCN['expense.payeePlaceholder'], '彩印中心')
    await settled(page)
    await screenshot(page, 'finance-expense-edit')
    await press(page, zhCN['expense.save'])

    const entry = page.locator('.books-row', { hasText: '彩印中心' })
    await entry.waitFor()
    await expect(entry.locator('.books-row__amount').textContent()).resolves.toBe('−¥480.00')
    await expect(page.locator('.books-row', { hasText: '彩印中新' }).count()).resolves.toBe(0)

    // The entry's history keeps the amount and payee it had.
    await entry.click()
    await press(page, zhCN['expense.editAction'])
    const earlier = page.locator('.books-row', { hasText: zhCN['expense.change.edited'].replace('{name}', 'finance') })
    await earlier.waitFor()
    await expect(earlier.textContent()).resolves.toContain('彩印中新')
    await expect(earlier.locator('.books-row__amount').textContent()).resolves.toBe('−¥450.00')
    await earlier.scrollIntoViewIfNeeded()
    await settled(page)
    await screenshot(page, 'finance-expense-history')
  }, JOURNEY_TIMEOUT)

  it('refuses an edit that leaves the payee empty, naming the field, and changes nothing', async () => {
    const finance = await signIn(studio.code, 'finance')
    const recorded = ok(
      await http('POST', '/finance/expenses', { token: finance, body: { requestId: ulid(), branchId, kind: 'income', category: 'other', amountFen: 20_000, date: today, payee: '旧婚纱转卖' } }),
      'income',
    )
    const page = await inFinance('finance')
    await openRow(page, zhCN['books.expenses'])
    await page.locator('.books-row', { hasText: '旧婚纱转卖' }).click()
    await press(page, zhCN['expense.editAction'])
    await page.getByText(zhCN['expense.receipt'], { exact: true }).waitFor()
    await fill(page, zhCN['expense.payeePlaceholder'], '')
    await press(page, zhCN['expense.save'])
    await page.getByText(zhCN['form.fixFields']).waitFor()
    await settled(page)
    await screenshot(page, 'finance-expense-edit-refused')
    const unchanged = ok(await http('GET', `/finance/expenses/${recorded.id}`, { token: finance }), 'entry')
    expect(unchanged.expense).toMatchObject({ payee: '旧婚纱转卖', version: 1 })
    expect(unchanged.revisions).toEqual([])
  }, JOURNEY_TIMEOUT)

  it('lets a manager rename, add and remove categories, and the expense form offers the new list', async () => {
    const page = await inFinance('manager')
    await openRow(page, zhCN['books.categories'])
    await page.locator('input[placeholder="中文名称"]').first().waitFor()
    // Rename 推广 to 网络推广, remove 办公耗材, add 员工餐.
    const rows = page.locator('.books-category')
    await expect(rows.nth(4).locator('input').first().inputValue()).resolves.toBe('推广')
    await rows.nth(4).locator('input').first().fill('网络推广')
    await expect(rows.nth(5).locator('input').first().inputValue()).resolves.toBe('办公耗材')
    await rows.nth(5).locator('.books-category__remove').click()
    await fill(page, zhCN['categories.namePlaceholder'], '员工餐')
    await fill(page, zhCN['categories.nameEnPlaceholder'], 'Staff meals')
    await press(page, zhCN['categories.add'])
    await expect(rows.count()).resolves.toBe(7)
    await expect(rows.last().locator('input').first().inputValue()).resolves.toBe('员工餐')
    await press(page, zhCN['categories.save'])
    // The "saved" toast passes before the picture is taken.
    await page.waitForTimeout(2600)
    await page.getByText(zhCN['categories.hint']).scrollIntoViewIfNeeded()
    await screenshot(page, 'manager-expense-categories')

    const manager = await signIn(studio.code, 'manager')
    const saved = ok(await http('GET', '/finance/expense-categories', { token: manager }), 'categories').items as { code: string; name: string; nameEn: string }[]
    expect(saved.map((c) => c.name)).toEqual(['房租', '水电物业', '冲印制作', '服装道具', '网络推广', '其他', '员工餐'])
    expect(saved.find((c) => c.name === '员工餐')).toEqual({ code: 'staff-meals', name: '员工餐', nameEn: 'Staff meals' })
    expect(saved.find((c) => c.name === '网络推广')?.code).toBe('marketing')

    await page.goBack()
    await openRow(page, zhCN['books.expenses'])
    await press(page, zhCN['expense.new'])
    await page.getByText('员工餐', { exact: true }).waitFor()
    await expect(page.getByText('办公耗材', { exact: true }).count()).resolves.toBe(0)
    await settled(page)
    await screenshot(page, 'manager-expense-form-new-categories')
  }, JOURNEY_TIMEOUT)

  it('shows finance each desk of the day close by the staff member’s display name', async () => {
    const admin = await signIn(studio.code, 'admin')
    ok(
      await http('POST', '/staff', { token: admin, body: { username: 'desk.mei', displayName: '前台小美', password: 'a-good-password', roles: ['reception'], branchId } }),
      'receptionist',
    )
    const mei = await signIn(studio.code, 'desk.mei', 'a-good-password')
    const customer = ok(await http('POST', '/customers', { token: mei, body: { name: '郑小姐', phone: `137${String(Date.now()).slice(-8)}` } }), 'customer')
    const order = ok(await http('POST', '/orders', { token: mei, body: { requestId: ulid(), customerId: customer.id, packageId, branchId } }), 'order')
    ok(await http('POST', `/orders/${order.id}/payments`, { token: mei, body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: 180_000 } }), 'cash deposit')

    const page = await inFinance('finance')
    await openRow(page, zhCN['books.dayClose'])
    const desk = page.locator('.books-row', { hasText: '前台小美' }).first()
    await desk.waitFor()
    await expect(page.getByText('desk.mei').count()).resolves.toBe(0)
    await desk.scrollIntoViewIfNeeded()
    await settled(page)
    await screenshot(page, 'finance-day-desks-by-name')
  }, JOURNEY_TIMEOUT)
})
