import type { Browser, Page } from 'playwright-core'
import { enUS } from '../../src/i18n/en-US'
import { zhCN } from '../../src/i18n/zh-CN'
import { appUrl, launchBrowser, screenshot, tap } from '../support/browser'
import { answerDialog, chooseEnglish, JOURNEY_TIMEOUT, PHONE_390, press, settled, staffOnPhone } from '../support/app'
import { bookableStudio, shanghaiDay } from '../support/booking'
import { TEST_TABLE } from '../support/constants'
import { http, ok, signIn } from '../support/http'
import { packageUsing, type StaffTokens } from '../support/production'
import { orderWithSelection } from '../support/selection'
import { bookedShoot } from '../support/shoots'
import { depsFor, newStudio } from '../support/studio'

/**
 * The photographer's day and post-production at phone size (390×844): the day's shoots with the
 * customer's phone, a shoot's own page and marking it shot; the retoucher's queue (我的订单), the
 * order without money and the selected photos with their file list.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const text = (key: keyof typeof zhCN, params: Record<string, string | number> = {}) =>
  Object.entries(params).reduce((words, [name, value]) => words.replace(`{${name}}`, String(value)), zhCN[key] as string)

/** The browser's dialler stands in for the phone's: a tapped `tel:` link is noted instead of leaving the page. */
async function noteDialledNumbers(page: Page) {
  await page.evaluate(() => {
    const follow = HTMLAnchorElement.prototype.click
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      if (this.href.startsWith('tel:')) (window as unknown as { dialled: string[] }).dialled = [...((window as unknown as { dialled?: string[] }).dialled ?? []), this.href]
      else follow.call(this)
    }
  })
}

describe('the photographer’s day', () => {
  it('lists today’s shoots with a phone to call, opens a shoot with its notes, and marks it shot once after confirming', async () => {
    const s = await bookableStudio(depsFor(TEST_TABLE), { photographers: 1, rooms: 1 })
    const today = shanghaiDay(0)
    const morning = await bookedShoot(s, { day: today, time: '10:00', name: '林小姐', phone: '13900001111', orderNotes: '新娘对花粉过敏，不用鲜花道具', appointmentNotes: '自带两套旗袍' })
    await bookedShoot(s, { day: today, time: '14:00', name: '周先生', phone: '13900002222' })
    const later = await bookedShoot(s, { day: shanghaiDay(2), time: '10:00', name: '吴小姐', phone: '13900003333' })

    const page = await staffOnPhone(browser, s.studio.code, 'photographer', PHONE_390)
    await page.locator('.workspace__today', { hasText: '2' }).waitFor()
    await settled(page)
    await screenshot(page, 'daily-photographer-workspace')

    await tap(page, zhCN['tile.myDay'])
    const row = page.locator('.schedule-shoot', { hasText: '林小姐' })
    await row.locator('.schedule-shoot__phone', { hasText: '13900001111' }).waitFor()
    await expect(page.locator('.schedule-shoot__phone').count()).resolves.toBe(2)
    await settled(page)
    await screenshot(page, 'daily-photographer-day')

    // The number calls the customer and leaves the day where it is.
    await noteDialledNumbers(page)
    await row.locator('.schedule-shoot__phone').click()
    await expect(page.evaluate(() => (window as unknown as { dialled?: string[] }).dialled)).resolves.toEqual(['tel:13900001111'])
    await expect(page.locator('.shoot__customer').count()).resolves.toBe(0)

    // The rest of the row opens the shoot: phone, package, room, makeup artist, both notes.
    await row.locator('.appointment-row__customer').click()
    await page.locator('.shoot__customer', { hasText: '林小姐' }).waitFor()
    for (const shown of ['13900001111', s.pkg.name, 'Studio 1', 'makeup', '新娘对花粉过敏，不用鲜花道具', '自带两套旗袍']) await page.locator('.shoot').getByText(shown).first().waitFor()
    await settled(page)
    await screenshot(page, 'daily-shoot')

    // A double tap asks once and moves the order once.
    await page.locator('#app taro-button-core', { hasText: zhCN['shoot.markShot'] }).dblclick()
    const asked = await answerDialog(page, zhCN['shoot.confirmTitle'], { screenshotName: 'daily-shoot-confirm' })
    expect(asked).toBe(text('shoot.confirmText', { customer: '林小姐' }))
    await page.getByText(zhCN['shoot.done']).waitFor()
    await expect(page.locator('.taro__modal').isVisible()).resolves.toBe(false)
    const { order } = ok(await http('GET', `/orders/${morning.orderId}`, { token: s.manager }), 'order')
    expect(order.stage).toBe('shot')
    expect(order.timeline.filter((event: { stage: string }) => event.stage === 'shot')).toHaveLength(1)
    await settled(page)
    await screenshot(page, 'daily-shoot-marked')

    // The shoot's order opens as its work — the package, the proofs to upload, the timeline — with no amount anywhere.
    await press(page, zhCN['shoot.openOrder'])
    await page.locator('.staff-order__customer', { hasText: '林小姐' }).waitFor()
    await page.locator('.staff-order').getByText(zhCN['photos.proofs']).first().waitFor()
    await expect(page.locator('.staff-order__notes').textContent()).resolves.toBe('新娘对花粉过敏，不用鲜花道具')
    await expect(page.getByText(zhCN['money.title']).count()).resolves.toBe(0)
    await expect(page.locator('#app').getByText('¥').count()).resolves.toBe(0)
    await settled(page)
    await screenshot(page, 'daily-photographer-order')
    await page.goBack()
    await page.locator('.shoot__done').waitFor()

    // The makeup artist on the same shoot opens the same order, without money too.
    const makeup = await staffOnPhone(browser, s.studio.code, 'makeup', PHONE_390)
    await makeup.goto(`${appUrl()}/#/staff/shoot/index?id=${morning.appointmentId}`)
    await makeup.locator('.shoot__customer', { hasText: '林小姐' }).waitFor()
    await press(makeup, zhCN['shoot.openOrder'])
    await makeup.locator('.staff-order__customer', { hasText: '林小姐' }).waitFor()
    await makeup.locator('.staff-order__package', { hasText: s.pkg.name }).waitFor()
    await expect(makeup.getByText(zhCN['money.title']).count()).resolves.toBe(0)
    await expect(makeup.locator('#app').getByText('¥').count()).resolves.toBe(0)
    await settled(makeup)
    await screenshot(makeup, 'daily-makeup-order')
    await makeup.close()

    // A shoot two days ahead cannot be marked yet, and says from when.
    await page.goto(`${appUrl()}/#/staff/shoot/index?id=${later.appointmentId}`)
    await page.locator('.shoot__customer', { hasText: '吴小姐' }).waitFor()
    await page.locator('.shoot__muted', { hasText: zhCN['shoot.notYet'].split('{day}')[0]! }).waitFor()
    await expect(page.locator('#app taro-button-core', { hasText: zhCN['shoot.markShot'] }).getAttribute('class')).resolves.toContain('disabled')
    await settled(page)
    await screenshot(page, 'daily-shoot-not-yet')

    // The same page in English.
    await chooseEnglish(page)
    await page.goto(`${appUrl()}/#/staff/shoot/index?id=${later.appointmentId}`)
    await page.locator('#app').getByText(enUS['shoot.markShot']).waitFor()
    await page.locator('#app').getByText(enUS['shoot.orderNotes']).waitFor()
    await settled(page)
    await screenshot(page, 'daily-shoot-en')
  }, JOURNEY_TIMEOUT * 4)
})

describe('post-production', () => {
  it('shows the retoucher no money, their own orders, and the selected photos with the extras marked and a file list to download', async () => {
    const studio = await newStudio()
    const tokens = {} as StaffTokens
    for (const username of ['reception', 'photographer', 'retoucher', 'manager', 'finance'] as const) tokens[username] = await signIn(studio.code, username)
    const pkg = await packageUsing(tokens, studio.branches[0]!.id, [])
    const { orderId } = await orderWithSelection(tokens, pkg.id, 5, [1, 0, 4], '陈小姐')
    await orderWithSelection(tokens, pkg.id, 2, [0], '何小姐')

    const page = await staffOnPhone(browser, studio.code, 'retoucher', PHONE_390)
    await tap(page, zhCN['tile.productionQueue'])
    const row = page.locator('.order-row', { hasText: '陈小姐' })
    await row.waitFor()
    await expect(page.locator('#app').getByText('¥').count()).resolves.toBe(0)
    await row.locator('taro-button-core', { hasText: zhCN['queue.take'] }).click()
    await row.locator('.order-row__assignee').waitFor()
    await tap(page, zhCN['queue.filterMine'])
    await expect(page.locator('.order-row').count()).resolves.toBe(1)
    await expect(page.locator('.order-row__name').textContent()).resolves.toBe('陈小姐')
    await settled(page)
    await screenshot(page, 'daily-queue-mine')

    // The order as the retoucher sees it: the work and the selection, no money card, no payments.
    await page.locator('.order-row__name', { hasText: '陈小姐' }).click()
    await page.locator('.staff-order__customer', { hasText: '陈小姐' }).waitFor()
    await page.getByText(zhCN['selected.cardTitle']).waitFor()
    await expect(page.getByText(zhCN['money.title']).count()).resolves.toBe(0)
    await expect(page.locator('#app').getByText('¥').count()).resolves.toBe(0)
    await settled(page)
    await screenshot(page, 'daily-retoucher-order')

    await press(page, zhCN['selected.open'])
    await page.locator('.selected__cell').first().waitFor()
    await expect(page.locator('.selected__number').allTextContents()).resolves.toEqual(['1', '2', '5'])
    await expect(page.locator('.selected__cell--extra .selected__name').allTextContents()).resolves.toEqual(['IMG_0001.png', 'IMG_0005.png'])
    await page.getByText(text('selected.summary', { count: 3, included: 1, extra: 2 })).waitFor()
    await page.locator('.selected__image img, img.selected__image').first().waitFor()
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.selected__image img, img.selected__image')).every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))
    await settled(page)
    await screenshot(page, 'daily-selected-photos')

    const [download] = await Promise.all([page.waitForEvent('download'), press(page, zhCN['selected.download'])])
    expect(download.suggestedFilename()).toBe(`selection-${orderId}.csv`)
    const saved = await download.path()
    const { readFileSync } = await import('node:fs')
    expect(readFileSync(saved, 'utf8')).toBe('\ufeff序号,文件名,类型\r\n1,IMG_0001.png,加选\r\n2,IMG_0002.png,套系内\r\n5,IMG_0005.png,加选\r\n')
  }, JOURNEY_TIMEOUT * 2)
})
