import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/lib/chromium'

export const SCREENSHOTS = resolve(__dirname, '../../test-artifacts/screenshots')

export function appUrl(): string {
  const url = process.env.TEST_APP_URL
  if (!url) throw new Error('The H5 app is not being served: build it first (npm run build:h5), then run the tests through jest')
  return url
}

/** Debian's Chromium, headless, with nothing reaching outside this machine; each launch gets a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
}

/** A phone: 375 pt wide, like the iPhone most customers hold (or the size given, e.g. 390×844 of the newer ones). */
export function phoneContext(browser: Browser, locale = 'zh-CN', viewport = { width: 375, height: 812 }): Promise<BrowserContext> {
  return browser.newContext({
    viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
    timezoneId: 'Asia/Shanghai',
  })
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
}

/** Types into the Taro input found by its placeholder. */
export async function fill(page: Page, placeholder: string, value: string) {
  const input = page.locator(`input[placeholder="${placeholder}"]`).first()
  await input.click()
  await input.fill(value)
}

/** Taps the element of the page (not the navigation bar) whose text is exactly `text`, or the button it labels. */
export async function tap(page: Page, text: string) {
  const label = page.locator('#app').getByText(text, { exact: true }).first()
  const button = label.locator('xpath=ancestor-or-self::taro-button-core[1]')
  await ((await button.count()) > 0 ? button : label).click()
}
