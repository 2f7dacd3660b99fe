import type { Browser, Page } from 'playwright-core'
import { enUS } from '../../src/i18n/en-US'
import { zhCN } from '../../src/i18n/zh-CN'
import { appUrl, launchBrowser, screenshot } from '../support/browser'
import { chooseEnglish, settled, staffOnPhone } from '../support/app'
import { http, ok, signIn } from '../support/http'
import { packageUsing, type StaffTokens } from '../support/production'
import { orderInSelection } from '../support/selection'
import { newStudio } from '../support/studio'

let browser: Browser
let code: string

/**
 * This month at the branch: the desk sold ¥300.00 of album pages while one couple picked their
 * photos, and two extra photos (¥50.00 each) to another; a third couple took nothing more.
 */
beforeAll(async () => {
  const studio = await newStudio(undefined, '加选影楼')
  code = studio.code
  const branchId = studio.branches[0]!.id
  const tokens = {} as StaffTokens
  for (const username of ['reception', 'photographer', 'retoucher', 'manager', 'finance'] as const) tokens[username] = await signIn(code, username)
  const packageId = (await packageUsing(tokens, branchId, [])).id
  const selecting = () => orderInSelection(tokens, packageId, branchId)
  const confirm = async (orderId: string, photoIds: string[]) => ok(await http('POST', `/orders/${orderId}/selection/confirm`, { token: tokens.reception, body: { photoIds } }), 'selection')

  const upgraded = await selecting()
  const { version } = ok(await http('GET', `/orders/${upgraded.orderId}`, { token: tokens.reception }), 'order').order
  ok(await http('PATCH', `/orders/${upgraded.orderId}`, { token: tokens.reception, body: { orderId: upgraded.orderId, version, addOns: [{ kind: 'service', name: '相册加页 10P', amountFen: 30_000 }] } }), 'upgrade')
  await confirm(upgraded.orderId, [upgraded.proofs[0]!])
  const extra = await selecting()
  await confirm(extra.orderId, extra.proofs)
  const plain = await selecting()
  await confirm(plain.orderId, [plain.proofs[0]!])
  browser = await launchBrowser()
}, 300_000)
afterAll(async () => {
  await browser?.close()
})

/** The value shown beside a figure's label on the report page. */
const figure = (page: Page, label: string) =>
  page.locator('.report-page .report-figure').filter({ has: page.locator('.report-figure__label', { hasText: new RegExp(`^${label.replace(/[()（）]/g, '\\$&')}$`) }) }).locator('.report-figure__value')

async function openUpsell(page: Page) {
  await page.goto(`${appUrl()}/#/reports/report/index?name=upsell`)
  await page.locator('.report-page .report-bar').first().waitFor()
}

describe('the upsell report on a phone', () => {
  it('shows the upgrades sold at selection beside the extra photos, in the amount and the rate (zh-CN)', async () => {
    const page = await staffOnPhone(browser, code, 'manager')
    await openUpsell(page)
    await expect(figure(page, zhCN['figure.upgrades']).textContent()).resolves.toBe('¥300.00')
    await expect(figure(page, zhCN['figure.extraPhotosAmount'].replace('{count}', '2')).textContent()).resolves.toBe('¥100.00')
    await expect(figure(page, zhCN['figure.upsellAmount']).textContent()).resolves.toBe('¥400.00')
    await expect(figure(page, zhCN['figure.selectedOrders']).textContent()).resolves.toBe('3')
    await expect(figure(page, zhCN['figure.upsoldOrders']).textContent()).resolves.toBe('2')
    await expect(figure(page, zhCN['figure.upsellRate']).textContent()).resolves.toBe('66.7%')
    // The desk's line: its amount, rate and the upgrades in it.
    const bar = page.locator('.report-page .report-bar').first()
    await expect(bar.locator('.report-bar__value').textContent()).resolves.toBe('¥400.00')
    await expect(bar.locator('.report-bar__note').textContent()).resolves.toBe(`${zhCN['figure.upsellRate']} 66.7% · ${zhCN['figure.upgrades']} ¥300.00`)
    await settled(page)
    await screenshot(page, 'reports-upsell-zh')
  }, 120_000)

  it('reads the same in English', async () => {
    const page = await staffOnPhone(browser, code, 'manager')
    await chooseEnglish(page)
    await openUpsell(page)
    await expect(figure(page, enUS['figure.upgrades']).textContent()).resolves.toBe('¥300.00')
    await expect(figure(page, enUS['figure.extraPhotosAmount'].replace('{count}', '2')).textContent()).resolves.toBe('¥100.00')
    await expect(figure(page, enUS['figure.upsellAmount']).textContent()).resolves.toBe('¥400.00')
    await expect(page.locator('.report-page .report-bar__note').first().textContent()).resolves.toBe(`${enUS['figure.upsellRate']} 66.7% · ${enUS['figure.upgrades']} ¥300.00`)
    await settled(page)
    await screenshot(page, 'reports-upsell-en')
  }, 120_000)
})
