import type { Browser, Page } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { appUrl, fill, launchBrowser, screenshot, tap } from '../support/browser'
import { JOURNEY_TIMEOUT, press, settled, staffOnPhone } from '../support/app'
import { http, ok, signIn } from '../support/http'
import { orderInProofing, packageUsing, stockedItem, type StaffTokens } from '../support/production'
import { newStudio } from '../support/studio'

let browser: Browser
let studio: Awaited<ReturnType<typeof newStudio>>
const tokens = {} as StaffTokens

beforeAll(async () => {
  studio = await newStudio(undefined, '光影测试影楼')
  for (const username of ['reception', 'photographer', 'retoucher', 'finance', 'manager'] as const) tokens[username] = await signIn(studio.code, username)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const text = (template: string, params: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]))
const onHand = async (itemId: string) => ok(await http('GET', '/stock/items', { token: tokens.manager }), 'stock').items.find((i: { id: string }) => i.id === itemId).onHand as number

/** Reception opens an order waiting for design approval from the desk's 看版 list. */
async function openProofingOrder(page: Page, customerName: string) {
  await tap(page, zhCN['tile.orders'])
  await page.locator('.order-desk__stage', { hasText: zhCN['orderStage.proofing'] }).click()
  await page.locator('.order-row', { hasText: customerName }).click()
  await page.locator('.staff-order__hero .order-stage', { hasText: zhCN['orderStage.proofing'] }).waitFor()
}

describe('the stock room on a phone', () => {
  it('takes an album from stock when reception sends an approved design to 制作, and refuses when none is left', async () => {
    const album = await stockedItem(tokens, '水晶相册 12寸', 1)
    const box = await stockedItem(tokens, '相册礼盒', 3, 3500, '个')
    const pkg = await packageUsing(tokens, studio.branches[0]!.id, [
      { stockItemId: album.id, quantity: 1 },
      { stockItemId: box.id, quantity: 1 },
    ])
    await orderInProofing(tokens, pkg.id, '林小雨')
    await orderInProofing(tokens, pkg.id, '陈思')

    const page = await staffOnPhone(browser, studio.code, 'reception')
    await openProofingOrder(page, '林小雨')
    await press(page, zhCN['staffOrder.approveDesign'])
    await page.locator('.staff-order__hero .order-stage', { hasText: zhCN['orderStage.producing'] }).waitFor()
    await settled(page)
    await screenshot(page, 'stock-order-producing')
    expect([await onHand(album.id), await onHand(box.id)]).toEqual([0, 2])

    // The second order finds no album left: it stays in 看版 and the desk is told what is missing.
    await page.goto(`${appUrl()}/#/staff/workspace/index`)
    await page.getByText(zhCN['workspace.section.daily']).waitFor()
    await openProofingOrder(page, '陈思')
    await press(page, zhCN['staffOrder.approveDesign'])
    const shortage = text(zhCN['stock.shortageLine'], { name: '水晶相册 12寸', short: 1, unit: '本', needed: 1, onHand: 0 })
    await page.getByText(shortage, { exact: false }).waitFor()
    await expect(page.locator('.staff-order__hero .order-stage').textContent()).resolves.toBe(zhCN['orderStage.proofing'])
    await settled(page)
    await screenshot(page, 'stock-order-short')
    expect([await onHand(album.id), await onHand(box.id)]).toEqual([0, 2])

    // The manager sees the album at zero on the low-stock list, and the order that used it in its history.
    const manager = await staffOnPhone(browser, studio.code, 'manager')
    await tap(manager, zhCN['tile.inventory'])
    await manager.locator('.stock-line--low', { hasText: '水晶相册 12寸' }).first().waitFor()
    await settled(manager)
    await screenshot(manager, 'stock-low')
    await manager.locator('.stock-line--low', { hasText: '水晶相册 12寸' }).first().click()
    await manager.locator('.movement', { hasText: zhCN['movement.consumption'] }).waitFor()
    await expect(manager.locator('.movement').first().locator('.movement__quantity').textContent()).resolves.toBe('-1')
    await manager.locator('.movement').last().scrollIntoViewIfNeeded()
    await settled(manager)
    await screenshot(manager, 'stock-item-history')
  }, JOURNEY_TIMEOUT * 2)

  it('lets a manager count the stock room on the phone and post the differences', async () => {
    const frame = await stockedItem(tokens, '油画框 24寸', 6, 22000, '个')
    const usb = await stockedItem(tokens, '精修底片U盘', 10, 2800, '个')
    const page = await staffOnPhone(browser, studio.code, 'manager')
    await tap(page, zhCN['tile.inventory'])
    await page.locator('.stock-line', { hasText: '油画框 24寸' }).first().waitFor()
    await settled(page)
    await screenshot(page, 'stock-room')
    await press(page, zhCN['stock.count'])
    await page.locator('.stocktake__status', { hasText: zhCN['stocktake.statusOpen'] }).waitFor()

    const countOf = (name: string) => page.locator('.count-line', { hasText: name }).locator('input')
    await countOf('油画框 24寸').fill('4')
    await countOf('精修底片U盘').fill('10')
    await page.locator('.count-line--differs', { hasText: '油画框 24寸' }).getByText(text(zhCN['stocktake.difference'], { diff: -2 })).waitFor()
    await fill(page, zhCN['stocktake.reasonPlaceholder'], '月末盘点')
    await settled(page)
    await screenshot(page, 'stocktake-counting')
    await press(page, zhCN['stocktake.post'])
    await page.locator('.stocktake__status', { hasText: zhCN['stocktake.statusPosted'] }).waitFor()
    // The "posted" toast fades before the picture is taken.
    await page.waitForTimeout(1600)
    await screenshot(page, 'stocktake-posted')

    expect([await onHand(frame.id), await onHand(usb.id)]).toEqual([4, 10])
    const adjustments = ok(await http('GET', `/stock/movements?itemId=${frame.id}`, { token: tokens.manager }), 'movements').items.filter(
      (m: { kind: string }) => m.kind === 'adjustment',
    )
    expect(adjustments).toEqual([expect.objectContaining({ quantity: -2, reason: '月末盘点', by: expect.objectContaining({ name: 'manager' }) })])
  }, JOURNEY_TIMEOUT * 2)
})
