import { createHash } from 'node:crypto'
import type { ItemKey, StoredItem } from './ports'

/**
 * JSON with every object's keys sorted, binary values as base64: the same item always gives the same line.
 * Built by plain loops (a backup canonicalises every item it reads, 100,000 and more).
 */
export function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'))
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i])
    return out + ']'
  }
  const names = Object.keys(value)
  if (names.length > 1) names.sort()
  let out = '{'
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    out += (i ? ',' : '') + JSON.stringify(name) + ':' + canonicalJson((value as Record<string, unknown>)[name])
  }
  return out + '}'
}

/** The item back from its line: binary attribute values (B, BS) decoded from base64. */
export function itemFromLine(line: string): StoredItem {
  const item = JSON.parse(line) as StoredItem
  const decode = (value: Record<string, unknown>): Record<string, unknown> => {
    if (typeof value.B === 'string') return { B: Buffer.from(value.B, 'base64') }
    if (Array.isArray(value.BS)) return { BS: value.BS.map((b) => Buffer.from(String(b), 'base64')) }
    if (Array.isArray(value.L)) return { L: value.L.map((v) => decode(v as Record<string, unknown>)) }
    if (value.M && typeof value.M === 'object') return { M: Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, decode(v as Record<string, unknown>)])) }
    return value
  }
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, decode(value)])) as StoredItem
}

export const keyOf = (item: StoredItem): ItemKey => ({ pk: String(item.pk?.S), sk: String(item.sk?.S) })
export const keyText = (key: ItemKey) => `${key.pk}\u0000${key.sk}`
export const typeOf = (item: StoredItem) => String(item.type?.S ?? '(untyped)')

/** A studio's items in canonical form: one line each, ordered by key. */
export interface CanonicalContent {
  lines: string[]
  countsByType: Record<string, number>
  sha256: string
}

export function canonicalContent(items: StoredItem[]): CanonicalContent {
  const keyed = items.map((item) => ({ key: keyText(keyOf(item)), line: canonicalJson(item), type: typeOf(item) }))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const hash = createHash('sha256')
  const countsByType: Record<string, number> = {}
  for (const { line, type } of keyed) {
    hash.update(line)
    hash.update('\n')
    countsByType[type] = (countsByType[type] ?? 0) + 1
  }
  return { lines: keyed.map((k) => k.line), countsByType: Object.fromEntries(Object.entries(countsByType).sort()), sha256: hash.digest('hex') }
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')
