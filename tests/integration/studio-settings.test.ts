import { samplePackage } from '../../scripts/lib/sample-package'
import { operationsOf } from '../support/dispatch'
import { TEST_PASSWORD } from '../support/constants'
import { isolatedTable, newStudio } from '../support/studio'

/**
 * What holds in every branch — the booking policy with the studio's time zone, the order settings,
 * a package sold beyond one branch — is the admin's; a branch's manager changes their own branch's.
 */
describe('the studio’s settings and packages sold beyond one branch', () => {
  let ops: ReturnType<typeof operationsOf>
  let studio: Awaited<ReturnType<typeof newStudio>>
  let deps: Awaited<ReturnType<typeof isolatedTable>>['deps']
  const tokens: Record<string, string> = {}
  let jingan: string
  let xuhui: string

  beforeAll(async () => {
    ;({ deps } = await isolatedTable())
    ops = operationsOf(deps)
    studio = await newStudio(deps)
    ;[jingan, xuhui] = studio.branches.map((b) => b.id) as [string, string]
    for (const username of ['manager', 'manager2', 'admin']) {
      tokens[username] = (await ops.call('auth.staffSignIn', { studioCode: studio.code, username, password: TEST_PASSWORD })).token
    }
  })

  const settingsAudit = async () =>
    (await ops.call('audit.list', { limit: 100 }, tokens.admin)).items.filter((e: { action: string }) => e.action.startsWith('settings.'))

  it('refuses a branch’s manager the booking policy and the order settings, and changes nothing', async () => {
    const policy = await ops.call('booking.getPolicy', {}, tokens.manager2)
    const settings = await ops.call('orders.getSettings', {}, tokens.manager2)
    const generous = { ...policy, changeCutoffHours: 0, refundTiers: [{ minDaysBefore: 0, percent: 100 }], timeZone: 'America/New_York' }
    for (const manager of [tokens.manager2, tokens.manager]) {
      expect(await ops.outcome('booking.savePolicy', generous, manager)).toBe('FORBIDDEN')
      expect(await ops.outcome('orders.saveSettings', { ...settings, discountLimitPercent: 100 }, manager)).toBe('FORBIDDEN')
    }
    // The other branch's manager reads the studio's rules as they were.
    expect(await ops.call('booking.getPolicy', {}, tokens.manager)).toEqual(policy)
    expect(await ops.call('orders.getSettings', {}, tokens.manager)).toEqual(settings)
    expect((await deps.repo.getStudio(studio.studio.id))?.timeZone).toBe('Asia/Shanghai')
    expect(await settingsAudit()).toEqual([])
  })

  it('saves them for the admin, every branch reads them, and the audit log says who changed what', async () => {
    const policy = await ops.call('booking.getPolicy', {}, tokens.admin)
    const settings = await ops.call('orders.getSettings', {}, tokens.admin)
    const stricter = { ...policy, changeCutoffHours: 72 }
    expect(await ops.call('booking.savePolicy', stricter, tokens.admin)).toEqual(stricter)
    expect(await ops.call('orders.saveSettings', { ...settings, discountLimitPercent: 15 }, tokens.admin)).toMatchObject({ discountLimitPercent: 15 })
    expect((await ops.call('booking.getPolicy', {}, tokens.manager2)).changeCutoffHours).toBe(72)
    expect((await ops.call('orders.getSettings', {}, tokens.manager)).discountLimitPercent).toBe(15)

    const entries = await settingsAudit()
    expect(entries.map((e: { action: string }) => e.action).sort()).toEqual(['settings.booking_policy_saved', 'settings.orders_saved'])
    const policyEntry = entries.find((e: { action: string }) => e.action === 'settings.booking_policy_saved')
    expect(policyEntry).toMatchObject({ actorId: studio.staff.admin!.id, actorName: 'Admin', detail: { before: { changeCutoffHours: policy.changeCutoffHours }, after: { changeCutoffHours: 72 } } })
    const settingsEntry = entries.find((e: { action: string }) => e.action === 'settings.orders_saved')
    expect(settingsEntry).toMatchObject({ actorName: 'Admin', detail: { before: { discountLimitPercent: settings.discountLimitPercent }, after: { discountLimitPercent: 15 } } })
  })

  it('lets a manager create and change packages sold in their own branch alone; the others are the admin’s', async () => {
    const create = (branchIds: string[], name: string, token = tokens.admin) => ops.call('catalog.createPackage', samplePackage(branchIds, { name }), token)
    const own = await create([jingan], 'Jing’an only')
    const theirs = await create([xuhui], 'Xuhui only')
    const shared = await create([jingan, xuhui], 'Both branches')
    const repriced = (pkg: { id: string; version: number; branchIds: string[]; name: string }, branchIds = pkg.branchIds) => ({
      ...samplePackage(branchIds, { name: pkg.name, priceFen: 100 }),
      packageId: pkg.id,
      version: pkg.version,
    })

    expect(await ops.outcome('catalog.updatePackage', repriced(theirs), tokens.manager)).toBe('FORBIDDEN')
    expect(await ops.outcome('catalog.updatePackage', repriced(shared), tokens.manager)).toBe('FORBIDDEN')
    expect(await ops.outcome('catalog.updatePackage', repriced(own, [jingan, xuhui]), tokens.manager)).toBe('FORBIDDEN')
    expect(await ops.outcome('catalog.updatePackage', repriced(own), tokens.manager2)).toBe('FORBIDDEN')
    expect(await ops.outcome('catalog.setPackageActive', { packageId: theirs.id, active: false }, tokens.manager)).toBe('FORBIDDEN')
    expect(await ops.outcome('catalog.setPackageActive', { packageId: shared.id, active: false }, tokens.manager)).toBe('FORBIDDEN')
    expect(await ops.outcome('catalog.createPackage', samplePackage([xuhui], { name: 'Made for Xuhui' }), tokens.manager)).toBe('FORBIDDEN')
    expect(await ops.outcome('catalog.createPackage', samplePackage([jingan, xuhui], { name: 'Made for both' }), tokens.manager)).toBe('FORBIDDEN')

    const unchanged = (await ops.call('catalog.listPackages', { includeInactive: 'true' }, tokens.admin)).items
    expect(unchanged.map((p: { name: string }) => p.name).sort()).toEqual(['Both branches', 'Jing’an only', 'Xuhui only'])
    for (const pkg of [own, theirs, shared]) expect(unchanged.find((p: { id: string }) => p.id === pkg.id)).toEqual(pkg)

    expect(await ops.call('catalog.updatePackage', repriced(own), tokens.manager)).toMatchObject({ priceFen: 100, version: 2 })
    expect(await ops.call('catalog.setPackageActive', { packageId: own.id, active: false }, tokens.manager)).toMatchObject({ active: false })
    expect(await create([jingan], 'Made for Jing’an', tokens.manager)).toMatchObject({ branchIds: [jingan] })
    expect(await ops.call('catalog.updatePackage', repriced(shared), tokens.admin)).toMatchObject({ priceFen: 100, version: 2 })
    expect(await ops.call('catalog.setPackageActive', { packageId: theirs.id, active: false }, tokens.admin)).toMatchObject({ active: false })
  })
})
