import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { enUS } from '../../src/i18n/en-US'
import { zhCN } from '../../src/i18n/zh-CN'

type Words = Record<string, string>

/** Each language's words, file by file, as they sit in src/i18n/<locale>/. */
function featuresOf(locale: 'zh-CN' | 'en-US'): Map<string, Words> {
  const folder = join(__dirname, '../../src/i18n', locale)
  const features = new Map<string, Words>()
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts') && name !== 'index.ts')) {
    const feature = file.replace(/\.ts$/, '')
    features.set(feature, (require(join(folder, file)) as Record<string, Words>)[feature])
  }
  return features
}

describe('the app’s words', () => {
  const chinese = featuresOf('zh-CN')
  const english = featuresOf('en-US')

  it('come in the same features in Chinese and English', () => {
    expect([...english.keys()].sort()).toEqual([...chinese.keys()].sort())
    for (const [feature, words] of chinese) expect(Object.keys(english.get(feature) ?? {}).sort()).toEqual(Object.keys(words).sort())
  })

  it('have exactly the same keys in both languages, every feature included', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort())
    const everyFeaturesKeys = [...chinese.values()].flatMap((words) => Object.keys(words))
    expect(Object.keys(zhCN).sort()).toEqual([...everyFeaturesKeys].sort())
  })

  it('give each key to one feature only, so no text silently replaces another', () => {
    for (const features of [chinese, english]) {
      const owners = new Map<string, string[]>()
      for (const [feature, words] of features) for (const key of Object.keys(words)) owners.set(key, [...(owners.get(key) ?? []), feature])
      expect([...owners].filter(([, owning]) => owning.length > 1)).toEqual([])
    }
  })

  it('say something for every key in each language', () => {
    const zh: Words = zhCN
    const en: Words = enUS
    const silent = Object.keys(zh).filter((key) => zh[key].trim() === '' || en[key].trim() === '')
    expect(silent).toEqual([])
  })
})
