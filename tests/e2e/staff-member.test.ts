import type { Browser } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { appUrl, launchBrowser, screenshot } from '../support/browser'
import { JOURNEY_TIMEOUT, PHONE_390, press, settled, staffOnPhone } from '../support/app'
import { http, ok, signIn } from '../support/http'
import { TEST_PASSWORD } from '../support/constants'
import { newStudio } from '../support/studio'

let browser: Browser
let studio: Awaited<ReturnType<typeof newStudio>>
let admin: string

beforeAll(async () => {
  studio = await newStudio(undefined, '光影员工影楼')
  admin = await signIn(studio.code, 'admin')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Asks again until `read` gives what is expected (the page saves, then goes back), or fails with the last answer. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs
  let last = await read()
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((done) => setTimeout(done, 250))
    last = await read()
  }
  expect(last).toEqual(expected)
}

/** The admin's staff list, by user name. */
async function staffNamed(username: string) {
  const items = ok(await http('GET', '/staff', { token: admin }), 'staff list').items as { id: string; username: string; displayName: string; roles: string[]; version: number }[]
  return items.find((member) => member.username === username)
}

describe('a staff member’s account, made and changed by the admin', () => {
  it('creates the account from a blank form, then saves only a changed name, and says so when nothing changed', async () => {
    const page = await staffOnPhone(browser, studio.code, 'admin', PHONE_390)
    await page.goto(`${appUrl()}#/staff/member/index`)
    const inputs = page.locator('.member input')
    await inputs.first().waitFor()
    await inputs.nth(0).fill('xiaoli')
    await inputs.nth(1).fill('小李')
    await inputs.nth(2).fill(TEST_PASSWORD)
    await page.locator('.member__choice', { hasText: zhCN['role.reception'] }).click()
    await settled(page)
    await screenshot(page, 'staff-member-new')
    await press(page, zhCN['member.create'])
    await eventually(async () => (await staffNamed('xiaoli'))?.roles, ['reception'])
    const created = (await staffNamed('xiaoli'))!
    expect(created.displayName).toBe('小李')
    // The new account signs in with the password the form set.
    expect((await signIn(studio.code, 'xiaoli')).length).toBeGreaterThan(0)

    await page.goto(`${appUrl()}#/staff/member/index?id=${created.id}`)
    await page.reload()
    await page.getByText('@xiaoli').waitFor()
    await press(page, zhCN['common.save'])
    await page.getByText(zhCN['common.nothingChanged']).waitFor()
    expect((await staffNamed('xiaoli'))?.version).toBe(created.version)

    await page.locator('.member input').first().fill('李晓')
    await press(page, zhCN['common.save'])
    await eventually(async () => (await staffNamed('xiaoli'))?.displayName, '李晓')
    const changed = (await staffNamed('xiaoli'))!
    expect(changed.roles).toEqual(['reception'])
    expect(changed.version).toBe(created.version + 1)
  }, JOURNEY_TIMEOUT)
})
