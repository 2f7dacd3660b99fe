import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { ScanCommand } from '@aws-sdk/client-dynamodb'
import { backUpStudio } from '../../functions/backup/back-up-studio'
import { unpackBackup } from '../../functions/backup/backup-file'
import { restoreStudio } from '../../functions/backup/restore-studio'
import type { StudioItemsTable } from '../../functions/backup/ports'
import { composeApp, composeOperatorTools } from '../../functions/composition'
import { loadConfig } from '../../functions/platform/config'
import { DEMO_STUDIO_CODE, seedDemoStudio } from '../../scripts/lib/demo-studio'
import { seedDemoOrders } from '../../scripts/lib/demo-orders'
import { localClient } from '../../scripts/lib/dynamodb-local'
import { BackupManifestSchema } from '../../types/backup'
import { runScript } from '../support/cli'
import { TEST_SESSION_SECRET } from '../support/constants'
import { operationsOf } from '../support/dispatch'
import { endpoint, newStudio, newTable } from '../support/studio'

jest.setTimeout(180_000)

let dir: string
let source: string
let other: Awaited<ReturnType<typeof newStudio>>
const deps = (tableName: string) =>
  composeApp(loadConfig({ STAGE: 'local', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint(), SESSION_SECRET: TEST_SESSION_SECRET, FILES_DIR: dir }))
const itemsOf = (tableName: string) => composeOperatorTools({ tableName, dynamoEndpoint: endpoint() }).studioItems
const digestOf = async (tableName: string, code: string) => (await backUpStudio(itemsOf(tableName), { studioCode: code })).sha256
const tableCount = async (tableName: string) => (await localClient(endpoint()).send(new ScanCommand({ TableName: tableName, Select: 'COUNT' }))).Count

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-erp-backup-'))
  source = await newTable('backup')
  const app = deps(source)
  await seedDemoStudio(app, () => {})
  await seedDemoOrders(app, dir, () => {})
  // A second studio in the same table, which nothing here may touch.
  other = await newStudio(app, 'Neighbour Studio')
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('per-studio backup and restore', () => {
  let file: string
  let manifest: ReturnType<typeof BackupManifestSchema.parse>
  let neighbourBefore: string

  it('writes every item of the studio and nothing of another, with a manifest', async () => {
    neighbourBefore = await digestOf(source, other.code)
    file = join(dir, 'demo.ndjson.gz')
    const run = await runScript('backup', ['--studio', DEMO_STUDIO_CODE, '--out', file], source)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('two reads in a row agree')
    expect(run.stderr).toMatch(/read 1: [\d,]+ items/)
    manifest = BackupManifestSchema.parse(JSON.parse(await readFile(`${file}.manifest.json`, 'utf8')))
    expect(manifest.studio.code).toBe(DEMO_STUDIO_CODE)
    expect(manifest.takenAtLocal).toMatch(/\(Asia\/Shanghai\)$/)
    expect(Object.keys(manifest.countsByType)).toEqual(
      expect.arrayContaining(['Studio', 'StudioCode', 'Branch', 'Staff', 'Username', 'Customer', 'CustomerPhone', 'Order', 'Payment', 'Photo', 'Package', 'Audit']),
    )
    const lines = gunzipSync(await readFile(file)).toString('utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(manifest.items)
    expect(Object.values(manifest.countsByType).reduce((a, b) => a + b, 0)).toBe(manifest.items)
    const demo = await deps(source).repo.findStudioByCode(DEMO_STUDIO_CODE)
    for (const line of lines) {
      const pk = JSON.parse(line).pk.S as string
      expect(pk.includes(demo!.id) || pk === `STUDIOCODE#${DEMO_STUDIO_CODE}` || pk.startsWith('SYSTEM#')).toBe(true)
      expect(line).not.toContain(other.studio.id)
    }
  })

  it('restores into a fresh table, where a second backup has the same content digest and the studio works', async () => {
    const target = await newTable('restore')
    const run = await runScript('restore', ['--in', file, '--studio', DEMO_STUDIO_CODE], target)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('✔ Intact')
    expect(run.stdout).toContain(`${manifest.items.toLocaleString('en-US')} items written`)
    expect(await digestOf(target, DEMO_STUDIO_CODE)).toBe(manifest.contentSha256)
    expect(await tableCount(target)).toBe(manifest.items)

    const again = await runScript('backup', ['--studio', DEMO_STUDIO_CODE, '--out', join(dir, 'again.ndjson.gz')], target)
    expect(again.code).toBe(0)
    expect(JSON.parse(await readFile(join(dir, 'again.ndjson.gz.manifest.json'), 'utf8')).contentSha256).toBe(manifest.contentSha256)

    const { call } = operationsOf(deps(target))
    const session = await call('auth.staffSignIn', { studioCode: DEMO_STUDIO_CODE, username: 'reception', password: 'studio-demo-2026' })
    const orders = await call('orders.list', { stage: 'confirmed' }, session.token)
    expect(orders.items.length).toBeGreaterThan(0)
    expect(await digestOf(source, other.code)).toBe(neighbourBefore)
  })

  it('refuses a damaged or truncated file before writing anything', async () => {
    const target = await newTable('damaged')
    const data = await readFile(file)
    const flipped = Buffer.from(data)
    flipped[Math.floor(data.length / 2)]! ^= 0xff
    await writeFile(join(dir, 'flipped.gz'), flipped)
    await writeFile(join(dir, 'flipped.gz.manifest.json'), JSON.stringify(manifest))
    await writeFile(join(dir, 'short.gz'), data.subarray(0, data.length - 100))
    await writeFile(join(dir, 'short.gz.manifest.json'), JSON.stringify(manifest))

    const damaged = await runScript('restore', ['--in', join(dir, 'flipped.gz'), '--studio', DEMO_STUDIO_CODE], target)
    expect(damaged.code).toBe(1)
    expect(damaged.stderr).toContain('SHA-256 differs from the manifest’s (the file is damaged). Nothing was written.')
    const truncated = await runScript('restore', ['--in', join(dir, 'short.gz'), '--studio', DEMO_STUDIO_CODE], target)
    expect(truncated.code).toBe(1)
    expect(truncated.stderr).toContain(`has ${data.length - 100} bytes where the manifest says ${data.length} (truncated or replaced?)`)
    expect(await tableCount(target)).toBe(0)

    // A manifest edited to match a changed file still fails on the content digest.
    const content = gunzipSync(data).toString('utf8').replace('光影婚纱摄影', '别家影楼')
    const { gzipSync } = await import('node:zlib')
    const forged = gzipSync(content)
    const { createHash } = await import('node:crypto')
    const forgedManifest = { ...manifest, files: [{ ...manifest.files[0]!, bytes: forged.length, sha256: createHash('sha256').update(forged).digest('hex') }] }
    expect(() => unpackBackup(JSON.stringify(forgedManifest), forged, itemsOf(target))).toThrow('its content differs from the digest in the manifest')
  })

  it('refuses to overwrite an existing studio unless told to replace it, and then leaves exactly the backup', async () => {
    const target = await newTable('replace')
    expect((await runScript('restore', ['--in', file, '--studio', DEMO_STUDIO_CODE], target)).code).toBe(0)
    const app = deps(target)
    const demo = (await app.repo.findStudioByCode(DEMO_STUDIO_CODE))!
    const { call } = operationsOf(app)
    const session = await call('auth.staffSignIn', { studioCode: DEMO_STUDIO_CODE, username: 'reception', password: 'studio-demo-2026' })
    await call('customers.create', { name: '恢复后新客', phone: '13700001111' }, session.token)
    expect(await digestOf(target, DEMO_STUDIO_CODE)).not.toBe(manifest.contentSha256)

    const refused = await runScript('restore', ['--in', file, '--studio', DEMO_STUDIO_CODE], target)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`Studio "${DEMO_STUDIO_CODE}" exists in ${target}; give --replace`)
    const wrongStudio = await runScript('restore', ['--in', file, '--studio', other.code, '--replace'], target)
    expect(wrongStudio.stderr).toContain(`This is a backup of studio "${DEMO_STUDIO_CODE}"`)

    const replaced = await runScript('restore', ['--in', file, '--studio', DEMO_STUDIO_CODE, '--replace'], target)
    expect(replaced.code).toBe(0)
    expect(replaced.stdout).toMatch(/items of the replaced studio removed/)
    expect(await digestOf(target, DEMO_STUDIO_CODE)).toBe(manifest.contentSha256)
    expect((await app.customers.findByPhone(demo.id, '13700001111'))).toBeUndefined()
  })

  it('resumes a restore that was interrupted half-way when run again', async () => {
    const target = await newTable('resume')
    const real = itemsOf(target)
    // The connection drops after the first 100 items are written.
    const dropping: StudioItemsTable = Object.assign(Object.create(real), {
      writeItems: async (items: Parameters<StudioItemsTable['writeItems']>[0], onWritten: (n: number) => void) => {
        await real.writeItems(items.slice(0, 100), onWritten)
        throw new Error('connection reset')
      },
    })
    const backup = unpackBackup(await readFile(`${file}.manifest.json`, 'utf8'), await readFile(file), real)
    await expect(restoreStudio(dropping, backup, { studioCode: DEMO_STUDIO_CODE })).rejects.toThrow('connection reset')
    expect(await deps(target).repo.findStudioByCode(DEMO_STUDIO_CODE)).toBeUndefined()

    const resumed = await runScript('restore', ['--in', file, '--studio', DEMO_STUDIO_CODE], target)
    expect(resumed.code).toBe(0)
    expect(resumed.stdout).toContain('(an interrupted restore, resumed)')
    expect(await digestOf(target, DEMO_STUDIO_CODE)).toBe(manifest.contentSha256)
    expect(await tableCount(target)).toBe(manifest.items)
  })

  it('keeps reading while the studio changes under it, and copies a state it really had', async () => {
    const { call } = operationsOf(deps(source))
    const session = await call('auth.staffSignIn', { studioCode: DEMO_STUDIO_CODE, username: 'reception', password: 'studio-demo-2026' })
    let written = 0
    const arrive = async () => {
      await call('customers.create', { name: `边备份边来客${written}`, phone: `1360000${String(written).padStart(4, '0')}` }, session.token)
      written++
    }
    // Reception keeps signing customers in while the first two reads run, and once more after each
    // of them ends, so each of those reads is out of date before the next begins.
    const table = itemsOf(source)
    let reads = 0
    const busy: StudioItemsTable = Object.assign(Object.create(table) as StudioItemsTable, {
      readStudioItems: async (...args: Parameters<StudioItemsTable['readStudioItems']>) => {
        reads++
        if (reads > 2) return table.readStudioItems(...args)
        let reading = true
        const writer = (async () => {
          while (reading) await arrive()
        })()
        await table.readStudioItems(...args).finally(() => (reading = false))
        await writer
        await arrive()
      },
    })
    const changed: number[] = []
    const copy = await backUpStudio(busy, { studioCode: DEMO_STUDIO_CODE, maxReads: 8, onChanged: (pass) => changed.push(pass) })
    expect(changed).toEqual([2, 3])
    expect(copy.reads).toBe(4)
    // Customers arrived one after another: a state the studio really had holds the first k of them, with no gap.
    const arrivals = (lines: string[]) =>
      lines.filter((l) => l.includes('"Customer"')).flatMap((l) => /边备份边来客(\d+)/.exec(l)?.[1] ?? []).map(Number).sort((a, b) => a - b)
    const inCopy = arrivals(copy.lines)
    expect(inCopy).toEqual(inCopy.map((_, i) => i))
    expect(inCopy).toHaveLength(written)
    expect(copy.countsByType.Customer).toBe(manifest.countsByType.Customer! + written)
    // Quiet again: a fresh copy has every one of them.
    expect(arrivals((await backUpStudio(table, { studioCode: DEMO_STUDIO_CODE })).lines)).toHaveLength(written)
  })
})
