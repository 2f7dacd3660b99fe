import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'

const root = resolve(__dirname, '../..')
const rules = join(root, '.dependency-cruiser.cjs')
const depcruise = join(root, 'node_modules/.bin/depcruise')
const run = promisify(execFile)

interface Violation {
  from: string
  to: string
  rule: { name: string }
  cycle?: { name: string }[]
}

/** Runs dependency-cruiser with the house rules over the folders of `cwd` and answers with what it refuses. */
async function violations(cwd: string, folders: string[]): Promise<Violation[]> {
  const { stdout } = await run(depcruise, ['--config', rules, '--output-type', 'json', ...folders], { cwd, maxBuffer: 64 * 1024 * 1024 }).catch(
    // It exits non-zero when a rule is broken; the report is on stdout all the same.
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  )
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations
}

/** A small tree of files, each `path: source`, with a tsconfig so the rules resolve as in the repository. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-rules-'))
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', strict: true } }))
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), source)
  }
  return dir
}

const broken = (found: Violation[]) => found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort()

describe('the import rules', () => {
  jest.setTimeout(120_000)

  it('hold on the whole repository: no cycles, layers kept, modules of one floor apart', async () => {
    expect(broken(await violations(root, ['functions', 'types', 'src', 'scripts', 'tests']))).toEqual([])
  })

  describe('refuse a deliberate violation of each rule', () => {
    let dir: string
    beforeAll(() => {
      dir = tree({
        'types/orders.ts': "import { rule } from '../functions/domain/rules'\nexport const order = rule\n",
        'functions/domain/rules.ts': "import { table } from '../store/table'\nexport const rule = table\n",
        'functions/store/table.ts': "export const table = 'studio'\n",
        'functions/store/orders.ts': "import { appointments } from './scheduling'\nexport const orders = appointments\n",
        'functions/store/scheduling.ts': "import { table } from './table'\nexport const appointments = table\n",
        'functions/orders/create-order.ts': "import { orders } from '../store/orders'\nimport { policy } from '../scheduling/policy'\nexport const createOrder = [orders, policy]\n",
        'functions/scheduling/policy.ts': "export const policy = 1\n",
        'functions/payments/refunds.ts': "import { cancel } from './crediting'\nexport const refund = () => cancel\n",
        'functions/payments/crediting.ts': "import { refund } from './refunds'\nexport const cancel = () => refund\n",
        'functions/platform/tokens.ts': "import { handle } from '../api/dispatch'\nexport const tokens = handle\n",
        'functions/api/dispatch.ts': 'export const handle = 1\n',
        'src/pages/order.ts': "import { createOrder } from '../../functions/orders/create-order'\nexport const page = createOrder\n",
      })
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it('names every import that breaks a rule, and only those', async () => {
      expect(broken(await violations(dir, ['functions', 'types', 'src']))).toEqual([
        'adapters-import-no-entry-points: functions/platform/tokens.ts → functions/api/dispatch.ts',
        'app-imports-no-functions: src/pages/order.ts → functions/orders/create-order.ts',
        'domain-imports-only-types: functions/domain/rules.ts → functions/store/table.ts',
        'no-cycles: functions/payments/crediting.ts → functions/payments/refunds.ts',
        'one-floor-apart-orders: functions/orders/create-order.ts → functions/scheduling/policy.ts',
        'store-modules-stay-apart: functions/store/orders.ts → functions/store/scheduling.ts',
        'types-import-only-types: types/orders.ts → functions/domain/rules.ts',
        'use-cases-import-no-adapters: functions/orders/create-order.ts → functions/store/orders.ts',
      ])
    })

    it('passes the same tree once the violations are gone', async () => {
      const clean = tree({
        'types/orders.ts': "import { money } from './money'\nexport const order = money\n",
        'types/money.ts': 'export const money = 1\n',
        'functions/domain/rules.ts': "import { order } from '../../types/orders'\nexport const rule = order\n",
        'functions/store/entities/order.ts': "export const orderItem = 1\n",
        'functions/store/orders.ts': "import { orderItem } from './entities/order'\nexport const orders = orderItem\n",
        'functions/orders/create-order.ts': "import { rule } from '../domain/rules'\nexport const createOrder = rule\n",
        'functions/booking/cancel.ts': "import { createOrder } from '../orders/create-order'\nexport const cancel = createOrder\n",
        'src/pages/order.ts': "import { order } from '../../types/orders'\nexport const page = order\n",
      })
      try {
        expect(broken(await violations(clean, ['functions', 'types', 'src']))).toEqual([])
      } finally {
        rmSync(clean, { recursive: true, force: true })
      }
    })
  })
})
