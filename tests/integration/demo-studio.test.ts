import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { composeApp } from '../../functions/composition'
import { loadConfig } from '../../functions/platform/config'
import { seedDemoStudio, DEMO_STUDIO_CODE, demoPassword } from '../../scripts/lib/demo-studio'
import { seedDemoOrders } from '../../scripts/lib/demo-orders'
import { operationsOf } from '../support/dispatch'
import { TEST_SESSION_SECRET } from '../support/constants'
import { endpoint, newTable } from '../support/studio'

/** What `npm start` seeds on a first start: the demo studio, and orders the staff pages can show. */
describe('the demo studio', () => {
  let filesDir: string
  let deps: ReturnType<typeof composeApp>

  beforeAll(async () => {
    const tableName = await newTable('demo')
    filesDir = await mkdtemp(join(tmpdir(), 'studio-erp-demo-files-'))
    deps = composeApp(loadConfig({ STAGE: 'local', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint(), SESSION_SECRET: TEST_SESSION_SECRET, FILES_DIR: filesDir }))
    await seedDemoStudio(deps, () => {})
    await seedDemoOrders(deps, filesDir, () => {})
    // A whole studio through the use cases: staff, catalogue, stock room and orders at every stage.
  }, 120_000)
  afterAll(() => rm(filesDir, { recursive: true, force: true }))

  it('has orders in the stages the desk, the production queue and finance work on', async () => {
    const { call } = operationsOf(deps)
    const sign = async (username: string) => (await call('auth.staffSignIn', { studioCode: DEMO_STUDIO_CODE, username, password: demoPassword() })).token as string
    const [reception, retoucher, finance] = await Promise.all(['reception', 'retoucher', 'finance'].map(sign))
    for (const stage of ['pending_deposit', 'confirmed', 'shot', 'selecting', 'retouching', 'ready']) {
      expect({ stage, count: (await call('orders.list', { stage }, reception)).items.length }).toEqual({ stage, count: 1 })
    }
    const queue = await call('orders.queue', {}, retoucher)
    expect(queue.stages.find((s: { stage: string }) => s.stage === 'retouching').items).toHaveLength(1)
    // Cash deposits wait for finance.
    expect((await call('payments.unaudited', {}, finance)).items.length).toBe(5)
    // The order in selection shows its proofs, served from the local file store.
    const selecting = (await call('orders.list', { stage: 'selecting' }, reception)).items[0]
    const photos = await call('photos.list', { orderId: selecting.id }, reception)
    expect(photos.items.length).toBeGreaterThan(photos.included)
    // The order ready for pickup still owes its balance.
    const ready = (await call('orders.list', { stage: 'ready' }, reception)).items[0]
    expect(ready.balanceFen).toBeGreaterThan(0)
  })
  it('has a stock room with something to reorder, and the finished order took its materials', async () => {
    const { call } = operationsOf(deps)
    const manager = (await call('auth.staffSignIn', { studioCode: DEMO_STUDIO_CODE, username: 'manager', password: demoPassword() })).token as string
    const [branch] = (await call('inventory.overview', {}, manager)).branches
    expect(branch.valueFen).toBeGreaterThan(0)
    expect(branch.low.map((l: { name: string }) => l.name).sort()).toEqual(['水晶摆件 6寸', '相册礼盒'].sort())
    const ready = (await call('orders.list', { stage: 'ready' }, manager)).items[0]
    const used = (await call('inventory.movements', {}, manager)).items.filter((m: { kind: string; orderId?: string }) => m.kind === 'consumption' && m.orderId === ready.id)
    expect(used.map((m: { itemName: string; quantity: number }) => [m.itemName, m.quantity])).toEqual([['实木摆台 10寸', -1]])
  })
})
