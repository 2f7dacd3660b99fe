import type { Browser } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { appUrl, launchBrowser, screenshot, tap } from '../support/browser'
import { JOURNEY_TIMEOUT, PHONE_390, customerOnPhone, press, settled, staffOnPhone } from '../support/app'
import { studioWithCustomers } from '../support/customer-orders'
import { http, ok } from '../support/http'

let studio: Awaited<ReturnType<typeof studioWithCustomers>>
let browser: Browser

beforeAll(async () => {
  studio = await studioWithCustomers('光影测试影楼', '森系个人写真')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const SCORES = { reception: 5, shoot: 5, makeup: 4, retouching: 2, product: 3 }

describe('asking how it went', () => {
  it('lets the customer rate each step after pick-up; the manager sees the scores per step and per person, and reception gets the call-back', async () => {
    const { customer, orderId } = await studio.completedOrder('小雨')
    const page = await customerOnPhone(browser, studio.setup.studio.code, '小雨', PHONE_390)
    await page.goto(`${appUrl()}/#/order/detail/index?id=${orderId}`)
    await page.getByText(zhCN['survey.title']).waitFor()
    for (const [step, score] of Object.entries(SCORES)) {
      await page.locator('.rate__step', { hasText: zhCN[`survey.step.${step}` as keyof typeof zhCN] }).locator('.rate__score').nth(score - 1).click()
    }
    await page.locator('.rate textarea, textarea').first().fill('修图把皮肤磨得太假了')
    await page.getByText(zhCN['survey.title']).scrollIntoViewIfNeeded()
    await settled(page)
    await screenshot(page, 'survey-rating')
    await press(page, zhCN['survey.submit'])
    await page.getByText(zhCN['survey.thanksTitle']).waitFor()
    await expect(page.locator('.rate__score--on').count()).resolves.toBe(5 + 5 + 4 + 2 + 3)
    await settled(page)
    await screenshot(page, 'survey-thanks')
    const saved = ok(await http('GET', `/orders/${orderId}/survey`, { token: customer.token }), 'survey')
    expect(saved.survey.scores).toEqual(SCORES)

    const manager = await staffOnPhone(browser, studio.setup.studio.code, 'manager', PHONE_390)
    await tap(manager, zhCN['tile.serviceScores'])
    await manager.getByText(zhCN['scores.steps']).waitFor()
    const retouching = manager.locator('.scores__bar', { hasText: zhCN['survey.step.retouching'] }).first()
    await expect(retouching.textContent()).resolves.toContain('2.0')
    await expect(manager.locator('.scores__bar-value--low').count()).resolves.toBeGreaterThan(0)
    await manager.getByText('修图把皮肤磨得太假了').waitFor()
    await settled(manager)
    await screenshot(manager, 'survey-manager')
    await manager.getByText(zhCN['scores.comments']).scrollIntoViewIfNeeded()
    await settled(manager)
    await screenshot(manager, 'survey-manager-comments')

    const due = ok(await http('GET', '/follow-ups/due', { token: studio.staff.reception }), 'follow-ups')
    expect(due.items.filter((f: { customerId: string }) => f.customerId === customer.id)).toHaveLength(1)
  }, JOURNEY_TIMEOUT * 3)

  it('takes a staff member’s feedback on the app, which the admin reads', async () => {
    const photographer = await staffOnPhone(browser, studio.setup.studio.code, 'photographer', PHONE_390)
    await photographer.locator('#app .nut-cell', { hasText: zhCN['appFeedback.title'] }).first().click()
    await photographer.getByText(zhCN['appFeedback.formTitle']).waitFor()
    await photographer.locator('textarea').first().fill('排班页希望能按周查看')
    await settled(photographer)
    await screenshot(photographer, 'app-feedback-form')
    await press(photographer, zhCN['appFeedback.send'])
    await photographer.locator('.feedback__sent').waitFor()

    const admin = await staffOnPhone(browser, studio.setup.studio.code, 'admin', PHONE_390)
    await admin.goto(`${appUrl()}/#/feedback/app/index`)
    await admin.getByText('排班页希望能按周查看').waitFor()
    await expect(admin.locator('.scores__comment').first().textContent()).resolves.toContain(zhCN['role.photographer'])
    await settled(admin)
    await screenshot(admin, 'app-feedback-admin')
  }, JOURNEY_TIMEOUT * 2)
})
