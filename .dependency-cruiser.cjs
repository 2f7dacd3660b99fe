/**
 * The import rules of the house (README, "How it is built"). `npm run check:imports` runs them
 * on the whole tree; tests/unit/import-rules.test.ts runs them too, and shows that each rule
 * catches a deliberate violation.
 *
 * Layers of functions/, from the bottom:
 *   domain/                       pure rules; imports only types/
 *   <module>/                     use cases and their ports.ts, on floors (FLOORS below): identity;
 *                                 catalog, customers, staff, inventory, finance; scheduling, orders; payments, studio;
 *                                 booking (an appointment with its order), history, production (an order with its stock),
 *                                 bookkeeping (a money event or finished work with the books),
 *                                 reports (the manager's figures, kept by every module's events)
 *   store/ integrations/ platform/  adapters: implement the ports
 *   api/ handlers/ composition.ts entry points and the one composition root
 */
const ADAPTERS = '^functions/(api|handlers|platform|integrations|store)/|^functions/composition\\.ts$'
const NOT_USE_CASES = '^functions/(domain|api|handlers|platform|integrations|store)/|^functions/composition\\.ts$'
/** What every store module may share: item builders per entity and the table's plumbing. */
const STORE_SHARED = '^functions/store/(entities/[^/]+|keys|items|errors|table|client|expressions)\\.ts$'
const OURS = '^(functions|src|scripts|tests|config)/'

/** Modules on one floor never import each other: [floor members], lowest floor first. */
const FLOORS = [
  ['catalog', 'customers', 'staff', 'inventory', 'finance'],
  ['scheduling', 'orders'],
  ['payments', 'studio'],
  ['booking', 'history', 'production', 'bookkeeping', 'reports'],
]

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycle anywhere: every module can be understood (and tested) from the ones below it.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-only-types',
      severity: 'error',
      comment: 'functions/domain holds pure rules: it imports types/ and itself, nothing else of ours.',
      from: { path: '^functions/domain/' },
      to: { path: OURS, pathNot: '^functions/domain/' },
    },
    {
      name: 'use-cases-import-no-adapters',
      severity: 'error',
      comment: 'Use cases talk to the world through the interfaces in their ports.ts, never to api/, handlers/, platform/, integrations/ or store/.',
      from: { path: '^functions/[^/]+/', pathNot: NOT_USE_CASES },
      to: { path: ADAPTERS },
    },
    {
      name: 'store-modules-stay-apart',
      severity: 'error',
      comment: 'A store module imports no other store module, only the shared item builders and plumbing.',
      from: { path: '^functions/store/' },
      to: { path: '^functions/store/', pathNot: STORE_SHARED },
    },
    {
      name: 'adapters-import-no-entry-points',
      severity: 'error',
      comment: 'store/, integrations/ and platform/ implement ports; only handlers/ and the composition root know api/.',
      from: { path: '^functions/(store|integrations|platform)/' },
      to: { path: '^functions/(api|handlers)/|^functions/composition\\.ts$' },
    },
    {
      name: 'app-imports-no-functions',
      severity: 'error',
      comment: 'The app shares only the contract in types/ with the backend.',
      from: { path: '^src/' },
      to: { path: '^(functions|scripts|tests)/' },
    },
    {
      name: 'types-import-only-types',
      severity: 'error',
      comment: 'types/ is the contract: zod schemas that import nothing of ours but types/.',
      from: { path: '^types/' },
      to: { path: OURS },
    },
    ...FLOORS.flatMap((floor) =>
      floor.map((module) => ({
        name: `one-floor-apart-${module}`,
        severity: 'error',
        comment: 'Modules on one floor never import each other; a use case spanning two lives in a module above both.',
        from: { path: `^functions/${module}/` },
        to: { path: `^functions/(${floor.filter((m) => m !== module).join('|')})/` },
      })),
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.data|test-artifacts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.cjs', '.json'] },
  },
}
