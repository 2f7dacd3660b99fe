import type { Browser, Page } from 'playwright-core'
import { composeApp } from '../../functions/composition'
import { studioDate } from '../../functions/domain/time'
import { loadConfig } from '../../functions/platform/config'
import { demoCrews, seedDemoStudio } from '../../scripts/lib/demo-studio'
import { generateHistory, type DayTally, type HistoryRecord } from '../../scripts/lib/history-generator'
import { enUS } from '../../src/i18n/en-US'
import { zhCN } from '../../src/i18n/zh-CN'
import { formatFen } from '../../src/lib/money'
import { addDays } from '../../src/lib/studio-time'
import { appUrl, launchBrowser, screenshot } from '../support/browser'
import { chooseEnglish, settled, staffOnPhone } from '../support/app'
import { TEST_PASSWORD, TEST_SESSION_SECRET, TEST_TABLE } from '../support/constants'
import { endpoint } from '../support/studio'

const SEED = 11
const DAYS = 12
let browser: Browser
let code: string
let history: HistoryRecord
let mainBranch: string

beforeAll(async () => {
  // The demo studio's shape, with its staff on the tests' password, and twelve seeded days of its life.
  process.env.DEMO_PASSWORD = TEST_PASSWORD
  code = `rep${Date.now().toString(36)}`
  const deps = composeApp(
    loadConfig({ STAGE: 'test', TABLE_NAME: TEST_TABLE, DYNAMODB_ENDPOINT: endpoint(), SESSION_SECRET: TEST_SESSION_SECRET, FILES_DIR: process.env.TEST_FILES_DIR! }),
  )
  const { branches } = await seedDemoStudio(deps, () => {}, code)
  mainBranch = branches[0]!.id
  history = await generateHistory(deps, {
    seed: SEED,
    days: DAYS,
    leadsPerDay: 1.5,
    studioCode: code,
    branches: branches.map((b, i) => ({ id: b.id, crew: demoCrews[i]! })),
    filesDir: process.env.TEST_FILES_DIR!,
  })
  browser = await launchBrowser()
}, 600_000)
afterAll(async () => {
  await browser?.close()
})

/** What the generator did at the manager's branch over the days from `from` to `to`, added up. */
function tallied(from: string, to: string) {
  const days = Object.entries(history.days[mainBranch] ?? {}).filter(([date]) => date >= from && date <= to).map(([, tally]) => tally)
  const sum = (pick: (t: DayTally) => number) => days.reduce((total, t) => total + pick(t), 0)
  return {
    received: sum((t) => Object.values(t.receivedFen).reduce((a, b) => a + b, 0)),
    refunded: sum((t) => t.refundedFen),
    expenses: sum((t) => t.expensesFen),
    shoots: sum((t) => t.shootsDone),
    ordersOpened: sum((t) => t.newOrders),
  }
}

/** Waits until the figure shows `value` (a range's figures arrive after its dates are shown). */
const shows = (page: Page, label: string, value: string) => figure(page, label).getByText(value, { exact: true }).waitFor({ timeout: 15_000 })

/** The value shown beside a figure's label on the page in front (earlier pages stay in the document, hidden). */
const figure = (page: Page, label: string, on = '.report-page') =>
  page.locator(`${on} .report-figure`).filter({ has: page.locator('.report-figure__label', { hasText: new RegExp(`^${label}$`) }) }).locator('.report-figure__value')

async function openReports(page: Page, words: typeof zhCN | typeof enUS) {
  await page.locator('.workspace__tile-label', { hasText: new RegExp(`^${words['tile.reports']}$`) }).click()
  await page.locator('.report-figure').first().waitFor()
}

describe('the manager’s reports on a phone', () => {
  it('shows today’s figures, the daily report of the last seven days and its charts, as the seeded history implies (zh-CN)', async () => {
    const today = studioDate(new Date(), 'Asia/Shanghai')
    const page = await staffOnPhone(browser, code, 'manager')
    await openReports(page, zhCN)
    const now = tallied(today, today)
    await expect(figure(page, zhCN['reports.received'], '.reports-home').textContent()).resolves.toBe(formatFen(now.received))
    await expect(figure(page, zhCN['reports.shoots'], '.reports-home').textContent()).resolves.toBe(String(now.shoots))
    await expect(figure(page, zhCN['reports.ordersOpened'], '.reports-home').textContent()).resolves.toBe(String(now.ordersOpened))
    await settled(page)
    await screenshot(page, 'reports-home-zh')

    await page.locator('.nut-cell', { hasText: zhCN['report.daily'] }).first().click()
    await page.locator('.report-page .report-segment', { hasText: zhCN['reports.range.week'] }).click()
    const week = tallied(addDays(today, -6), today)
    await page.locator('.report-page .report-note', { hasText: addDays(today, -6) }).waitFor()
    await shows(page, zhCN['reports.received'], formatFen(week.received))
    await expect(figure(page, zhCN['reports.expenses']).textContent()).resolves.toBe(formatFen(week.expenses))
    await expect(figure(page, zhCN['reports.refunded']).textContent()).resolves.toBe(formatFen(week.refunded))
    await expect(figure(page, zhCN['reports.shoots']).textContent()).resolves.toBe(String(week.shoots))
    await page.locator('.report-page canvas[aria-label]').first().waitFor()
    await settled(page)
    await screenshot(page, 'reports-daily-week-zh')
    await page.locator('.report-page .report-chart').last().scrollIntoViewIfNeeded()
    await screenshot(page, 'reports-daily-chart-zh')
  }, 120_000)

  it('reads the same figures in English', async () => {
    const today = studioDate(new Date(), 'Asia/Shanghai')
    const page = await staffOnPhone(browser, code, 'manager')
    await chooseEnglish(page)
    await page.goto(`${appUrl()}/#/reports/home/index`)
    await page.locator('.report-figure').first().waitFor()
    const now = tallied(today, today)
    await expect(figure(page, enUS['reports.received'], '.reports-home').textContent()).resolves.toBe(formatFen(now.received))
    await settled(page)
    await screenshot(page, 'reports-home-en')
    await page.locator('.nut-cell', { hasText: enUS['report.daily'] }).first().click()
    await page.locator('.report-page .report-segment', { hasText: enUS['reports.range.week'] }).click()
    await page.locator('.report-page .report-note', { hasText: addDays(today, -6) }).waitFor()
    const week = tallied(addDays(today, -6), today)
    await shows(page, enUS['reports.received'], formatFen(week.received))
    await page.locator('.report-page canvas[aria-label]').first().waitFor()
    await settled(page)
    await screenshot(page, 'reports-daily-week-en')
  }, 120_000)

  it('shows reception no money report', async () => {
    const page = await staffOnPhone(browser, code, 'reception')
    await expect(page.locator('.workspace__tile-label', { hasText: new RegExp(`^${zhCN['tile.reports']}$`) }).count()).resolves.toBe(0)
    await page.goto(`${appUrl()}/#/reports/report/index?name=daily`)
    await page.getByText(zhCN['staff.forbiddenDescription']).waitFor()
    await expect(page.locator('.report-figure').count()).resolves.toBe(0)
    await screenshot(page, 'reports-reception-forbidden')
  }, 120_000)
})
