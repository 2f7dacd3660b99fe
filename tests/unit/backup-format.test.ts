import { createHash } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { canonicalContent, canonicalJson, itemFromLine } from '../../functions/backup/canonical'
import { packBackup, unpackBackup } from '../../functions/backup/backup-file'
import type { StoredItem } from '../../functions/backup/ports'
import { DynamoStudioItems } from '../../functions/store/backup'

const studio = { id: '01JSTUDIO0000000000000000A', code: 'guangying', name: '光影婚纱摄影', timeZone: 'Asia/Shanghai' }
const item = (pk: string, sk: string, extra: Record<string, unknown> = {}) => ({ pk: { S: pk }, sk: { S: sk }, ...extra }) as StoredItem
// The key rule only; it never reaches a table here.
const table = new DynamoStudioItems(new DynamoDBClient({ region: 'ap-east-1' }), 'unused')

const packed = (items: StoredItem[]) => {
  const content = canonicalContent(items)
  const { data, manifest } = packBackup({ ...content, studio, takenAt: new Date('2026-11-30T09:00:00Z'), reads: 2 }, 'f.gz', 'studio-erp-prod')
  return { data, manifestText: JSON.stringify(manifest), manifest }
}

describe('the backup format', () => {
  it('writes the same line for the same item whatever the order of its attributes', () => {
    const a = { pk: { S: 'P' }, sk: { S: 'S' }, amountFen: { N: '899900' }, tags: { L: [{ S: '婚纱' }] } }
    const b = { tags: { L: [{ S: '婚纱' }] }, amountFen: { N: '899900' }, sk: { S: 'S' }, pk: { S: 'P' } }
    expect(canonicalJson(a)).toBe(canonicalJson(b))
    expect(canonicalContent([a as StoredItem]).sha256).toBe(canonicalContent([b as StoredItem]).sha256)
  })

  it('keeps numbers as written, binary values, sets, lists and maps through a line and back', () => {
    const original = item('STUDIO#x', 'A', {
      big: { N: '12345678901234567890' },
      blob: { B: Buffer.from([0, 1, 254, 255]) },
      blobs: { BS: [Buffer.from('a'), Buffer.from('b')] },
      nested: { M: { inner: { L: [{ B: Buffer.from([7]) }, { NS: ['1', '2'] }, { NULL: true }, { BOOL: false }] } } },
    })
    const back = itemFromLine(canonicalJson(original))
    expect(canonicalJson(back)).toBe(canonicalJson(original))
    expect(Buffer.isBuffer((back.blob as { B: Buffer }).B)).toBe(true)
    expect((back.big as { N: string }).N).toBe('12345678901234567890')
  })

  it('orders lines by key and counts the items per entity type', () => {
    const content = canonicalContent([
      item(`STUDIO#${studio.id}#CUSTOMER#2`, 'PROFILE', { type: { S: 'Customer' } }),
      item(`STUDIO#${studio.id}`, 'STUDIO', { type: { S: 'Studio' } }),
      item(`STUDIO#${studio.id}#CUSTOMER#1`, 'PROFILE', { type: { S: 'Customer' } }),
    ])
    expect(content.lines.map((l) => JSON.parse(l).pk.S)).toEqual([`STUDIO#${studio.id}`, `STUDIO#${studio.id}#CUSTOMER#1`, `STUDIO#${studio.id}#CUSTOMER#2`])
    expect(content.countsByType).toEqual({ Customer: 2, Studio: 1 })
  })

  it('reads back a whole backup, and refuses one holding another studio’s item', () => {
    const own = [item(`STUDIO#${studio.id}`, 'STUDIO'), item(`STUDIOCODE#${studio.code}`, 'STUDIOCODE'), item('SYSTEM#HOLDS', `2026-12-01T10:00:00Z#${studio.id}#01APPT`)]
    const good = packed(own)
    expect(unpackBackup(good.manifestText, good.data, table).items).toHaveLength(3)

    const foreign = packed([...own, item('STUDIO#01JOTHERSTUDIO000000000000', 'STUDIO')])
    expect(() => unpackBackup(foreign.manifestText, foreign.data, table)).toThrow('it holds an item of another studio (STUDIO#01JOTHERSTUDIO000000000000)')
  })

  it('checks the content digest on the file’s own lines: reordered or re-spelt lines are refused even with a matching file checksum', () => {
    const own = [item(`STUDIO#${studio.id}`, 'STUDIO', { type: { S: 'Studio' } }), item(`STUDIO#${studio.id}#CUSTOMER#1`, 'PROFILE', { name: { S: '王小明' }, type: { S: 'Customer' } })]
    const good = packed(own)
    const lines = gunzipSync(good.data).toString('utf8').trimEnd().split('\n')
    const refiled = (text: string) => {
      const data = gzipSync(text)
      const manifest = { ...good.manifest, files: [{ ...good.manifest.files[0]!, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') }] }
      return () => unpackBackup(JSON.stringify(manifest), data, table)
    }
    expect(refiled(lines.join('\n') + '\n')().items).toHaveLength(2)
    expect(refiled([...lines].reverse().join('\n') + '\n')).toThrow('its content differs from the digest in the manifest')
    // The same item with its attributes in another order: the same data, but not the canonical line.
    const respelt = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(lines[1]!)).reverse()))
    expect(refiled(`${lines[0]}\n${respelt}\n`)).toThrow('its content differs from the digest in the manifest')
  })

  it('refuses a manifest of another format or version, and one that is not JSON', () => {
    const good = packed([item(`STUDIO#${studio.id}`, 'STUDIO')])
    expect(() => unpackBackup(JSON.stringify({ ...good.manifest, version: 2 }), good.data, table)).toThrow('not a studio backup manifest of format studio-erp-backup version 1')
    expect(() => unpackBackup('{', good.data, table)).toThrow('its manifest is not JSON')
  })
})
