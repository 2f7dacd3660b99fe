/**
 * Draws the customer tab bar icons (WeChat wants PNG files, 81×81) from small SVG outlines,
 * rendered in headless Chromium. Run after changing a shape or colour, then commit the PNGs:
 *   npx tsx scripts/make-icons.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium'

const SIZE = 81
const OUT_DIR = resolve(__dirname, '..', 'src', 'assets', 'tabbar')
const colours = { normal: '#7d7176', active: '#a8385a' }

/** 24×24 outlines; the active variant adds a soft fill so the chosen tab reads at a glance. */
const shapes: Record<string, string> = {
  home: '<path d="M3.5 10.5 12 3.5l8.5 7V20a1 1 0 0 1-1 1h-5v-6h-5v6h-5a1 1 0 0 1-1-1z"/>',
  orders:
    '<path d="M6 3h9l4 4v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z"/><path d="M8.5 11h7M8.5 15h7M8.5 7h4" fill="none"/>',
  me: '<circle cx="12" cy="8" r="4.2"/><path d="M4 20.5c.8-4 4.1-6.5 8-6.5s7.2 2.5 8 6.5"/>',
}

function svg(shape: string, colour: string, active: boolean): string {
  const fill = active ? `${colour}33` : 'none'
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 24 24" fill="${fill}" stroke="${colour}" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round">${shape}</svg>`
}

async function main() {
  const profile = mkdtempSync(join(tmpdir(), 'make-icons-'))
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: SIZE, height: SIZE },
    deviceScaleFactor: 1,
    args: CHROMIUM_ARGS,
  })
  try {
    const page = browser.pages()[0] ?? (await browser.newPage())
    for (const [name, shape] of Object.entries(shapes)) {
      for (const active of [false, true]) {
        const file = join(OUT_DIR, `${name}${active ? '-active' : ''}.png`)
        await page.setContent(
          `<html><body style="margin:0;background:transparent">${svg(shape, active ? colours.active : colours.normal, active)}</body></html>`,
        )
        writeFileSync(file, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } }))
        console.log(`wrote ${file}`)
      }
    }
  } finally {
    await browser.close()
    rmSync(profile, { recursive: true, force: true })
  }
  console.log('Tab bar icons are ready.')
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
