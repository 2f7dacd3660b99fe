import type { Browser } from 'playwright-core'
import { launchBrowser, appUrl, screenshot } from '../support/browser'
import { JOURNEY_TIMEOUT, PHONE_390, customerOnPhone, settled } from '../support/app'
import { studioWithCustomers } from '../support/customer-orders'
import { moveOrder, uploadFiles } from '../support/orders'

let studio: Awaited<ReturnType<typeof studioWithCustomers>>
let browser: Browser

beforeAll(async () => {
  studio = await studioWithCustomers('光影测试影楼', '旅拍婚纱照')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Camera-like JPEGs (noise compresses like real detail), 1600×2400 at quality 90. */
async function cameraJpegs(count: number) {
  const { default: sharp } = await import('sharp')
  return Promise.all(
    Array.from({ length: count }, async (_, i) => ({
      name: `IMG_${String(i + 1).padStart(4, '0')}.jpg`,
      contentType: 'image/jpeg',
      bytes: new Uint8Array(
        await sharp({ create: { width: 1600, height: 2400, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 110 + i * 12, sigma: 24 } } })
          .jpeg({ quality: 90 })
          .toBuffer(),
      ),
    })),
  )
}

describe('real thumbnails', () => {
  it('shows the selection grid from small thumbnails, never the multi-megabyte originals', async () => {
    const { orderId } = await studio.shotOrder('小唐')
    const files = await cameraJpegs(4)
    const originalBytes = Math.min(...files.map((file) => file.bytes.length))
    await uploadFiles(studio.staff.photographer, orderId, 'proof', files)
    await moveOrder(studio.staff.photographer, orderId, 'shot', 'selecting')

    const page = await customerOnPhone(browser, studio.setup.studio.code, '小唐', PHONE_390)
    const images: { url: string; bytes: number }[] = []
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'image' || !response.url().includes('/f/')) return
      images.push({ url: response.url(), bytes: (await response.body()).length })
    })
    await page.goto(`${appUrl()}/#/order/select/index?orderId=${orderId}`)
    await page.locator('.select__image img').first().waitFor()
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.select__image img')).filter((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0).length >= 4)
    await settled(page)
    await screenshot(page, 'selection-thumbnails')

    const sources = await page.locator('.select__image img').evaluateAll((nodes) => nodes.map((node) => new URL((node as HTMLImageElement).src).pathname))
    // The four camera photos and the proof the shot order already had.
    expect(sources).toHaveLength(5)
    for (const source of sources) expect(source).toMatch(/\.thumb\.jpg$/)
    const widths = await page.locator('.select__image img').evaluateAll((nodes) => nodes.map((node) => (node as HTMLImageElement).naturalWidth))
    // Never wider than a thumbnail; the 1600 px camera photos arrive at exactly 360.
    expect(widths.every((width) => width > 0 && width <= 360)).toBe(true)
    expect(widths.filter((width) => width === 360).length).toBeGreaterThanOrEqual(4)
    const photos = images.filter((image) => new URL(image.url).pathname.includes('/proof'))
    expect(photos.length).toBeGreaterThanOrEqual(4)
    for (const image of photos) {
      expect(image.url).toMatch(/\.thumb\.jpg\?/)
      expect(image.bytes).toBeLessThan(originalBytes / 10)
    }
  }, JOURNEY_TIMEOUT * 4)
})
