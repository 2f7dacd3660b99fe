import type { Browser } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { launchBrowser, screenshot } from '../support/browser'
import { JOURNEY_TIMEOUT, customerOnPhone, press, seedCatalog, settled } from '../support/app'
import { newStudio } from '../support/studio'

let browser: Browser
let studio: Awaited<ReturnType<typeof newStudio>>

beforeAll(async () => {
  studio = await newStudio(undefined, '光影测试影楼')
  await seedCatalog(
    studio.code,
    studio.branches.map((branch) => branch.id),
    [
      { name: '经典韩式婚纱', category: 'wedding', priceFen: 699990, image: 'wedding-classic' },
      { name: '森系个人写真', category: 'portrait', priceFen: 199900, image: 'portrait' },
    ],
  )
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('a customer browsing packages', () => {
  it('sees the packages of their branch with price and deposit, and opens one to read what it includes', async () => {
    const page = await customerOnPhone(browser, studio.code, '小雨')
    const home = page.locator('#app')
    await home.getByText('经典韩式婚纱').waitFor()
    await expect(home.getByText('¥6,999.90').first().isVisible()).resolves.toBe(true)
    await expect(home.getByText('定金 ¥2,099.97').first().isVisible()).resolves.toBe(true)
    // Two branches, so the customer is offered a choice, starting from one of them.
    const branchNames = studio.branches.map((branch) => branch.name)
    expect(branchNames).toContain(await home.locator('.home__branch-name').textContent())
    await screenshot(page, 'customer-packages')

    await home.getByText('婚纱照', { exact: true }).first().click()
    await expect(home.getByText('森系个人写真').count()).resolves.toBe(0)
    await screenshot(page, 'customer-packages-wedding')

    await home.getByText('经典韩式婚纱').click()
    await page.getByText(zhCN['package.included']).waitFor()
    await expect(page.getByText('水晶相册 12寸').isVisible()).resolves.toBe(true)
    await expect(page.getByText('4 小时').isVisible()).resolves.toBe(true)
    await expect(page.getByText('30 张').isVisible()).resolves.toBe(true)
    await settled(page)
    await screenshot(page, 'customer-package-detail')

    await press(page, zhCN['package.book'])
    await page.locator('.taro-navigation-bar-title', { hasText: zhCN['booking.title'] }).waitFor()
  }, JOURNEY_TIMEOUT)
})
