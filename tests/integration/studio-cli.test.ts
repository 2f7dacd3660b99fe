import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import type { AppDeps } from '../../functions/api/implementations'
import { createDocumentClient } from '../../functions/store/client'
import { runScript } from '../support/cli'
import { operationsOf } from '../support/dispatch'
import { endpoint, isolatedTable, uniqueCode } from '../support/studio'

jest.setTimeout(180_000)

let tableName: string
let deps: AppDeps
let ops: ReturnType<typeof operationsOf>

beforeAll(async () => {
  ;({ tableName, deps } = await isolatedTable())
  ops = operationsOf(deps)
})

const studio = (...args: string[]) => runScript('studio', args, tableName)
const itemCount = async () => (await createDocumentClient({ tableName, endpoint: endpoint() }).send(new ScanCommand({ TableName: tableName, Select: 'COUNT' }))).Count

describe('npm run studio', () => {
  it('opens a studio whose administrator signs in with the password printed once', async () => {
    const code = uniqueCode('open')
    const run = await studio('create', '--code', code, '--name', '光影婚纱摄影', '--branch', '静安旗舰店', '--branch', '徐汇店', '--admin', 'owner', '--admin-name', '王店主')
    expect(run.code).toBe(0)
    const password = /shown this once: (\S+)/.exec(run.stdout)?.[1]
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/)
    expect(run.stdout.split(password!).length - 1).toBe(1)
    expect(run.stderr).not.toContain(password!)

    const session = await ops.call('auth.staffSignIn', { studioCode: code, username: 'owner', password: password! })
    expect(session.principal).toMatchObject({ roles: ['admin'], studioName: '光影婚纱摄影', displayName: '王店主' })
    const { items: branches } = await ops.call('branches.list', {}, session.token)
    expect(branches.map((b: { name: string }) => b.name).sort()).toEqual(['徐汇店', '静安旗舰店'].sort())
  })

  it('takes the first password from stdin and never prints it', async () => {
    const code = uniqueCode('stdin')
    const run = await runScript('studio', ['create', '--code', code, '--name', 'Stdin Studio', '--branch', 'Main', '--admin', 'owner', '--password-stdin'], tableName, 'a-long-chosen-password\n')
    expect(run.code).toBe(0)
    expect(run.stdout + run.stderr).not.toContain('a-long-chosen-password')
    await expect(ops.call('auth.staffSignIn', { studioCode: code, username: 'owner', password: 'a-long-chosen-password' })).resolves.toHaveProperty('token')
  })

  it('refuses a studio code that is taken, and writes nothing', async () => {
    const code = uniqueCode('taken')
    expect((await studio('create', '--code', code, '--name', 'First', '--branch', 'Main', '--admin', 'owner')).code).toBe(0)
    const before = await itemCount()
    const again = await studio('create', '--code', code, '--name', 'Second', '--branch', 'Main', '--admin', 'other')
    expect(again.code).toBe(1)
    expect(again.stderr).toContain(`The studio code ${code} is taken`)
    expect(await itemCount()).toBe(before)
    expect((await deps.repo.findStudioByCode(code))?.name).toBe('First')
  })

  it('lets only one of two simultaneous openings with the same code through', async () => {
    const code = uniqueCode('race')
    const runs = await Promise.all(['A', 'B'].map((n) => studio('create', '--code', code, '--name', `Studio ${n}`, '--branch', 'Main', '--admin', 'owner')))
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1])
    expect(runs.find((r) => r.code === 1)!.stderr).toContain('is taken')
  })

  it('names every bad option and writes nothing', async () => {
    const before = await itemCount()
    const run = await studio('create', '--code', 'Bad Code!', '--name', '', '--admin', 'x', '--time-zone', 'Mars/Olympus')
    expect(run.code).toBe(1)
    for (const field of ['code', 'name', 'timeZone', 'branches', 'admin.username']) expect(run.stderr).toContain(field)
    const short = await runScript('studio', ['create', '--code', uniqueCode('short'), '--name', 'S', '--branch', 'Main', '--admin', 'owner', '--password-stdin'], tableName, 'short\n')
    expect(short.code).toBe(1)
    expect(short.stderr).toContain('admin.password must be at least 8 characters')
    expect(await itemCount()).toBe(before)
  })

  it('lists the studios and opens another branch of one', async () => {
    const code = uniqueCode('list')
    await studio('create', '--code', code, '--name', 'listed studio', '--branch', 'Main', '--admin', 'owner')
    const added = await studio('add-branch', '--studio', code, '--branch', '浦东店', '--address', '浦东新区世纪大道 1 号')
    expect(added.code).toBe(0)
    const listing = await studio('list')
    expect(listing.code).toBe(0)
    expect(listing.stdout).toMatch(new RegExp(`${code}\\s+listed studio\\s+\\(Asia/Shanghai, 2 branches\\)`))
    const studioRow = await deps.repo.findStudioByCode(code)
    expect((await deps.repo.listBranches(studioRow!.id)).map((b) => b.name).sort()).toEqual(['Main', '浦东店'].sort())

    const missing = await studio('add-branch', '--studio', 'no-such-studio', '--branch', 'X')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('Studio "no-such-studio" not found')
  })
})
