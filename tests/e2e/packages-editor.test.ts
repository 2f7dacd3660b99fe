import type { Browser } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { fill, launchBrowser, screenshot, tap } from '../support/browser'
import { JOURNEY_TIMEOUT, press, seedCatalog, settled, staffOnPhone } from '../support/app'
import { newStudio } from '../support/studio'

let browser: Browser
let studio: Awaited<ReturnType<typeof newStudio>>

beforeAll(async () => {
  studio = await newStudio(undefined, '光影测试影楼')
  await seedCatalog(studio.code, [studio.branches[0]!.id], [
    { name: '经典韩式婚纱', category: 'wedding', priceFen: 699990, image: 'wedding-classic' },
    { name: '温馨全家福', category: 'family', priceFen: 88800, image: 'family' },
  ])
  await seedCatalog(studio.code, studio.branches.map((branch) => branch.id), [{ name: '全店通用写真', category: 'portrait', priceFen: 129900, image: 'portrait' }])
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('a manager editing packages', () => {
  it('moves a package up, and sees a price with fractions of a fen refused beside its field', async () => {
    const page = await staffOnPhone(browser, studio.code, 'manager')
    await tap(page, zhCN['tile.packages'])
    const names = page.locator('.packages-editor__name')
    await names.first().waitFor()
    await expect(names.allTextContents()).resolves.toEqual(['经典韩式婚纱', '温馨全家福', '全店通用写真'])
    await page.locator('.packages-editor__item').nth(1).locator('taro-button-core', { hasText: zhCN['packagesEditor.up'] }).click()
    await names.first().filter({ hasText: '温馨全家福' }).waitFor()
    await expect(names.allTextContents()).resolves.toEqual(['温馨全家福', '经典韩式婚纱', '全店通用写真'])
    await settled(page)
    await screenshot(page, 'manager-packages')

    await names.first().click()
    await page.getByText(zhCN['packageForm.basics']).waitFor()
    await expect(page.locator('input[placeholder="0.00"]').first().inputValue()).resolves.toBe('888.00')
    await fill(page, '0.00', '8.888')
    await press(page, zhCN['common.save'])
    await page.locator('.form-field__error', { hasText: zhCN['field.priceFen.invalid'] }).waitFor()
    await settled(page)
    await screenshot(page, 'manager-package-form')
  }, JOURNEY_TIMEOUT)

  it('shows a package sold in every branch but gives the branch’s manager no way to change it', async () => {
    const page = await staffOnPhone(browser, studio.code, 'manager')
    await tap(page, zhCN['tile.packages'])
    const shared = page.locator('.packages-editor__item', { hasText: '全店通用写真' })
    await shared.waitFor()
    await expect(shared.locator('.nut-switch-disabled').count()).resolves.toBe(1)
    await expect(page.locator('.packages-editor__item', { hasText: '温馨全家福' }).locator('.nut-switch-disabled').count()).resolves.toBe(0)
    await shared.locator('.packages-editor__name').click()
    await page.getByText(zhCN['packageForm.adminOnly']).waitFor()
    await expect(page.locator('taro-button-core', { hasText: zhCN['common.save'] }).count()).resolves.toBe(0)
    await settled(page)
    await screenshot(page, 'manager-package-of-every-branch')
  }, JOURNEY_TIMEOUT)
})
