import type { Browser, Page } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { TEST_PASSWORD } from './constants'
import { appUrl, fill, launchBrowser, phoneContext, screenshot, tap } from './browser'
import { http, signIn } from './http'
import { newStudio } from './studio'

/** The newer phones' size (390×844 pt), where the daily customer pages are looked at. */
export const PHONE_390 = { width: 390, height: 844 }

/** A whole journey through several pages, on two cores shared with the API and another browser. */
export const JOURNEY_TIMEOUT = 60_000

export type TestStudio = Awaited<ReturnType<typeof newStudio>>

/** Where most journeys start: a studio of their own (its staff as newStudio makes them) and a fresh browser. */
export async function studioAndBrowser(name = '光影测试影楼'): Promise<{ studio: TestStudio; browser: Browser }> {
  const studio = await newStudio(undefined, name)
  return { studio, browser: await launchBrowser() }
}

/** A phone with the app open on the sign-in page, the studio's code typed in. */
export async function openSignIn(browser: Browser, studioCode: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await phoneContext(browser, 'zh-CN', viewport)
  const page = await context.newPage()
  await page.goto(appUrl())
  await page.getByText(zhCN['login.staffTitle']).waitFor()
  await fill(page, zhCN['login.studioCodePlaceholder'], studioCode)
  return page
}

/** A staff member signed in on a phone, looking at their workspace. */
export async function staffOnPhone(browser: Browser, studioCode: string, username: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await openSignIn(browser, studioCode, viewport)
  await fill(page, zhCN['login.usernamePlaceholder'], username)
  await fill(page, zhCN['login.passwordPlaceholder'], TEST_PASSWORD)
  await tap(page, zhCN['login.staffButton'])
  await page.getByText(zhCN['workspace.section.daily']).waitFor()
  return page
}

/** A customer signed in with the simulated WeChat sign-in, on the home page. */
export async function customerOnPhone(browser: Browser, studioCode: string, nickname: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await openSignIn(browser, studioCode, viewport)
  await fill(page, zhCN['login.nicknamePlaceholder'], nickname)
  await tap(page, zhCN['login.devWechatButton'])
  await page.locator('.taro-tabbar__tabbar').waitFor()
  return page
}

/** A small catalogue made by the studio's admin through the API (packages may be sold in several branches): one album product and the packages given. */
export async function seedCatalog(
  studioCode: string,
  branchIds: string[],
  packages: { name: string; category: string; priceFen: number; image: string }[],
) {
  const token = await signIn(studioCode, 'admin')
  const product = await http('POST', '/catalog/products', {
    token,
    body: { name: '水晶相册 12寸', priceFen: 120000, unit: '本', consumesStock: true },
  })
  if (product.status !== 200) throw new Error(`product not created: ${JSON.stringify(product.body)}`)
  const created = []
  for (const item of packages) {
    const answer = await http('POST', '/catalog/packages', {
      token,
      body: {
        category: item.category,
        name: item.name,
        description: '两套服装造型，内景加外景。\n含化妆与发型。',
        coverImage: `/media/demo/${item.image}.jpg`,
        gallery: [`/media/demo/${item.image}.jpg`, '/media/demo/album.jpg'],
        priceFen: item.priceFen,
        deposit: { kind: 'percent', percent: 30 },
        shootMinutes: 240,
        resources: ['photographer', 'makeup'],
        retouchedPhotos: 30,
        extraPhotoPriceFen: 5000,
        includedProducts: [{ productId: product.body.id, quantity: 1 }],
        branchIds,
      },
    })
    if (answer.status !== 200) throw new Error(`package not created: ${JSON.stringify(answer.body)}`)
    created.push(answer.body)
  }
  return created
}

/** Waits for the page's slide-in to end, so a screenshot shows the page where it rests. */
export async function settled(page: Page) {
  await page.waitForTimeout(600)
}

/** Presses the NutUI button whose label is exactly `text` (the button, not its label, takes the tap). */
export async function press(page: Page, text: string) {
  await page.locator('#app taro-button-core').filter({ hasText: new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }).first().click()
}

/**
 * Waits for the app's confirmation dialog titled `title`, keeps a picture of it when named, and
 * answers it (confirm, or back out); returns what it said, to check the facts the person was shown.
 */
export async function answerDialog(page: Page, title: string, options: { screenshotName?: string; confirm?: boolean } = {}): Promise<string> {
  const dialog = page.locator('.taro__modal')
  await dialog.locator('.taro-modal__title', { hasText: title }).waitFor()
  const text = (await dialog.locator('.taro-modal__text').textContent()) ?? ''
  if (options.screenshotName) {
    // The dialog fades in.
    await page.waitForTimeout(400)
    await screenshot(page, options.screenshotName)
  }
  await dialog.locator(options.confirm === false ? '.taro-model__cancel' : '.taro-model__confirm').click()
  await dialog.waitFor({ state: 'hidden' })
  return text
}

/** Types the amount, in yuan, into the desk's payment form (it starts empty: what was handed over is typed). */
export async function typeAmount(page: Page, yuan: string) {
  const input = page.locator('.form-field', { hasText: zhCN['field.amountYuan'] }).locator('input').first()
  await input.click()
  await input.fill(yuan)
}

/**
 * Switches the app to English from the person's own page (a customer's "me" page; staff land on their
 * workspace), and waits until the switch says so. The language is the whole app's: pages opened
 * before stay in the app's page stack with a switch of their own, so any visible one will do.
 */
export async function chooseEnglish(page: Page) {
  await page.goto(`${appUrl()}/#/pages/me/index`)
  const option = (className: string) => page.locator(`#app .${className}`, { hasText: /^English$/ }).filter({ visible: true }).first()
  // A tap that lands while the page is still being set up is lost: tap again until the switch turns.
  for (let tries = 1; ; tries++) {
    await option('language-switch__option').click()
    const turned = await option('language-switch__option--active').waitFor({ timeout: 5_000 }).then(() => true, () => false)
    if (turned) return
    if (tries === 3) throw new Error('the language switch did not turn to English after three taps')
  }
}
