import type { Browser } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { enUS } from '../../src/i18n/en-US'
import { fill, screenshot, tap } from '../support/browser'
import { openSignIn, studioAndBrowser, type TestStudio } from '../support/app'
import { TEST_PASSWORD } from '../support/constants'

let browser: Browser
let studio: TestStudio

beforeAll(async () => {
  ;({ studio, browser } = await studioAndBrowser())
})
afterAll(async () => {
  await browser?.close()
})

describe('signing in on a phone', () => {
  it('shows the sign-in page in Chinese, with the simulated WeChat sign-in labelled as such', async () => {
    const page = await openSignIn(browser, studio.code)
    await expect(page.getByText(zhCN['login.devWechatLead']).isVisible()).resolves.toBe(true)
    await screenshot(page, 'sign-in')
  })

  it('tells a staff member with a wrong password so, in Chinese', async () => {
    const page = await openSignIn(browser, studio.code)
    await fill(page, zhCN['login.usernamePlaceholder'], 'reception')
    await fill(page, zhCN['login.passwordPlaceholder'], 'not-the-password')
    await tap(page, zhCN['login.staffButton'])
    await page.getByText(zhCN['error.INVALID_CREDENTIALS']).waitFor()
    await screenshot(page, 'sign-in-wrong-password')
  })

  it('takes a manager to their workspace, with their name and management tiles', async () => {
    const page = await openSignIn(browser, studio.code)
    await fill(page, zhCN['login.usernamePlaceholder'], 'manager')
    await fill(page, zhCN['login.passwordPlaceholder'], TEST_PASSWORD)
    await tap(page, zhCN['login.staffButton'])
    await page.getByText(zhCN['workspace.section.management']).waitFor()
    await expect(page.getByText('manager').first().isVisible()).resolves.toBe(true)
    await screenshot(page, 'workspace-manager')
  })

  it('gives a photographer a workspace without management', async () => {
    const page = await openSignIn(browser, studio.code)
    await fill(page, zhCN['login.usernamePlaceholder'], 'photographer')
    await fill(page, zhCN['login.passwordPlaceholder'], TEST_PASSWORD)
    await tap(page, zhCN['login.staffButton'])
    await page.getByText(zhCN['workspace.section.daily']).waitFor()
    await expect(page.getByText(zhCN['workspace.section.management']).count()).resolves.toBe(0)
    await screenshot(page, 'workspace-photographer')
  })

  it('signs a customer in with the simulated WeChat sign-in and shows the tab bar', async () => {
    const page = await openSignIn(browser, studio.code)
    await fill(page, zhCN['login.nicknamePlaceholder'], '小红')
    await tap(page, zhCN['login.devWechatButton'])
    const tabBar = page.locator('.taro-tabbar__tabbar')
    await tabBar.waitFor()
    for (const tab of [zhCN['tab.home'], zhCN['tab.orders'], zhCN['tab.me']]) {
      await expect(tabBar.getByText(tab).isVisible()).resolves.toBe(true)
    }
    await screenshot(page, 'customer-home')
  })

  it('switches to English', async () => {
    const page = await openSignIn(browser, studio.code)
    await page.getByText(zhCN['locale.en-US']).first().click()
    await page.getByText(enUS['login.staffTitle']).waitFor()
    await screenshot(page, 'sign-in-english')
  })
})
