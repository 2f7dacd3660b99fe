import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Every page that shows what it read from the studio (a list, a day, an order) can be pulled down
 * to read it again. The pages are taken from app.config.ts, so a page added later is held to it too;
 * forms are left out on purpose, since reading again would throw away what was typed.
 */
const FORMS: Record<string, string> = {
  'booking/book/index': 'choosing a time; the calendar reads itself again when a time is taken',
  'crm/customer-form/index': 'a customer being edited',
  'desk/new-order/index': 'an order being written',
  'finance/expense/index': 'an expense being entered',
  'manage/package/index': 'a package being edited',
  'order/pay/index': 'a payment under way',
  'order/select/index': 'photos being chosen',
  'schedule/pick-customer/index': 'reception picking a customer and a package',
  'staff/member/index': 'a staff member being edited',
  'stock/stocktake/index': 'a count being entered',
}

const SRC = join(__dirname, '../../src')
const globals = globalThis as Record<string, unknown>
globals.defineAppConfig = globals.definePageConfig = (config: unknown) => config

type PageConfig = { enablePullDownRefresh?: boolean }
// eslint-disable-next-line @typescript-eslint/no-var-requires
const app = require('../../src/app.config').default as { pages: string[]; subPackages: { root: string; pages: string[] }[] }
const pages = [...app.pages, ...app.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))]
const readsData = (source: string) => /\buse(Paged)?Query\(/.test(source)
const source = (page: string) => readFileSync(join(SRC, `${page}.tsx`), 'utf8')
const config = (page: string): PageConfig => require(join(SRC, `${page}.config`)).default

describe('pull to refresh', () => {
  it('finds the pages of app.config.ts, the lists among them', () => {
    expect(pages.length).toBeGreaterThan(40)
    for (const page of pages) expect(existsSync(join(SRC, `${page}.tsx`))).toBe(true)
    expect(pages.filter((page) => readsData(source(page)) && !(page in FORMS)).length).toBeGreaterThan(30)
  })

  it.each(pages.filter((page) => !(page in FORMS)))('%s reads its data again when pulled down, if it shows any', (page) => {
    if (!readsData(source(page))) return
    expect({ page, enablePullDownRefresh: config(page).enablePullDownRefresh }).toEqual({ page, enablePullDownRefresh: true })
    expect(source(page)).toMatch(/\busePullDownRefresh\(/)
  })

  it('leaves out only forms that exist, and none of them pretends to refresh', () => {
    for (const form of Object.keys(FORMS)) {
      expect(pages).toContain(form)
      expect(config(form).enablePullDownRefresh).toBeUndefined()
    }
  })
})
