import type { Browser, Page } from 'playwright-core'
import { zhCN } from '../../src/i18n/zh-CN'
import { appUrl, fill, launchBrowser, screenshot } from '../support/browser'
import { JOURNEY_TIMEOUT, PHONE_390, customerOnPhone, press, settled } from '../support/app'
import { bookableStudioOverHttp, freeSlots } from '../support/bookable'
import { http, signInCustomer } from '../support/http'

const PACKAGE = '亲子写真'

let browser: Browser
let setup: Awaited<ReturnType<typeof bookableStudioOverHttp>>

beforeAll(async () => {
  setup = await bookableStudioOverHttp('光影测试影楼', PACKAGE)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** A customer who has just booked online, looking at the held booking on a 390×844 phone. */
async function justBooked(nickname: string, slotIndex: number): Promise<{ page: Page; id: string }> {
  const customer = await signInCustomer(setup.studio.code, nickname)
  const slot = (await freeSlots(customer.token, setup.pkg.id, setup.branchId))[slotIndex]!
  const booked = await http('POST', '/bookings', { token: customer.token, body: { packageId: setup.pkg.id, branchId: setup.branchId, startsAt: slot.startsAt } })
  expect(booked.status).toBe(200)
  const page = await customerOnPhone(browser, setup.studio.code, nickname, PHONE_390)
  await page.goto(`${appUrl()}/#/booking/held/index?id=${booked.body.id}`)
  await page.getByText(zhCN['held.phoneTitle']).waitFor()
  return { page, id: customer.id }
}

const foundByLast4 = async (digits: string) =>
  (await http('GET', `/customers?q=${digits}`, { token: setup.manager })).body.items as { id: string; phone?: string; phoneVerified: boolean }[]

describe('the customer’s phone after the first booking', () => {
  it('takes the number WeChat confirms (simulated outside WeChat), so reception finds the customer by its last four digits', async () => {
    const { page, id } = await justBooked('小周', 0)
    await expect(page.getByText(zhCN['held.phoneSimulatedNote']).isVisible()).resolves.toBe(true)
    await fill(page, zhCN['field.phone.placeholder'], '13811112468')
    await page.locator('.held__phone-actions').scrollIntoViewIfNeeded()
    await settled(page)
    await screenshot(page, 'customer-phone-ask')
    await press(page, zhCN['held.phoneSimulated'])
    await page.getByText(zhCN['held.phoneTitle']).waitFor({ state: 'detached' })
    const found = (await foundByLast4('2468')).find((customer) => customer.id === id)
    expect(found).toMatchObject({ phone: '13811112468', phoneVerified: true })
    await settled(page)
    await screenshot(page, 'customer-phone-confirmed')
  }, JOURNEY_TIMEOUT)

  it('keeps a typed number unconfirmed, and a bad one is refused beside its field with nothing saved', async () => {
    const { page, id } = await justBooked('小吴', 1)
    await fill(page, zhCN['field.phone.placeholder'], '12ab')
    await press(page, zhCN['common.save'])
    await page.locator('.form-field__error').first().waitFor()
    await settled(page)
    await screenshot(page, 'customer-phone-refused')
    expect((await http('GET', '/me/profile', { token: (await signInCustomer(setup.studio.code, '小吴')).token })).body.phone).toBeUndefined()

    await fill(page, zhCN['field.phone.placeholder'], '13811113579')
    await press(page, zhCN['common.save'])
    await page.getByText(zhCN['held.phoneTitle']).waitFor({ state: 'detached' })
    const found = (await foundByLast4('3579')).find((customer) => customer.id === id)
    expect(found).toMatchObject({ phone: '13811113579', phoneVerified: false })
  }, JOURNEY_TIMEOUT)
})
