/**
 * The recompute job from a shell, for an administrator of the deployment (the same job as the
 * admins' `POST /reports/recompute`):
 *   npm run recompute -- --studio CODE --from YYYY-MM-DD --to YYYY-MM-DD [--branch ID] [--fix]
 * Works each day's report figures (and the state figures "now") out again from the raw records
 * of every branch (or the one named), prints every figure that differs by branch, day and
 * figure, and with --fix replaces the differing kept figures by the recomputed ones (each only while
 * it still holds what was read). Figures of records older than the fields the recompute relies on
 * are left as kept and named. The range is at most a year. Exits 0 when nothing differs (or it was
 * fixed), 1 when differences were found and left, 2 on bad options.
 */
import { fieldIssues } from '../functions/api/dispatch'
import { DomainError } from '../functions/domain/errors'
import { recomputeReports } from '../functions/reports/recompute-reports'
import { recomputeReports as operation } from '../types/reports-operations'
import { connectStudio, failureMessage, option } from './lib/cli-studio'

const USAGE = 'Usage: npm run recompute -- --studio CODE --from YYYY-MM-DD --to YYYY-MM-DD [--branch ID] [--fix]'

async function main() {
  const args = process.argv.slice(2)
  const code = option(args, 'studio')
  if (!code) {
    console.error(USAGE)
    process.exit(2)
  }
  const parsed = operation.input.safeParse({ from: option(args, 'from'), to: option(args, 'to'), branchId: option(args, 'branch'), repair: args.includes('--fix') })
  if (!parsed.success) {
    for (const issue of fieldIssues(parsed.error)) console.error(`✖ --${issue.path === 'repair' ? 'fix' : issue.path === 'branchId' ? 'branch' : issue.path}: ${issue.message}`)
    console.error(USAGE)
    process.exit(2)
  }
  const { deps, studio } = await connectStudio(code)
  // The job runs as the deployment's operator, with an administrator's reach over the studio.
  const caller = { kind: 'staff' as const, id: 'operator', studioId: studio.id, roles: ['admin' as const], displayName: 'operator', sessionId: 'cli' }
  const result = await recomputeReports(deps, parsed.data, { requestId: `recompute-${Date.now()}`, now: new Date(), caller })
  console.log(`Recomputed ${result.days} branch-days of ${studio.name} (${code}), ${result.from} → ${result.to}`)
  for (const d of result.differences) console.log(`  ${d.branchId} ${d.date} ${d.figure}: kept ${d.kept}, recomputed ${d.recomputed}`)
  for (const d of result.nowDifferences) console.log(`  ${d.branchId} now ${d.figure}: kept ${d.kept}, recomputed ${d.recomputed}`)
  for (const left of result.leftAsKept) {
    const what = left.records === 'followUps' ? 'old follow-ups without a branch' : 'old WeChat Pay refunds made on a closed day without the day they were booked on'
    console.log(`  ${left.count} ${what}: their figures left as kept (${left.figures.map((f) => `${f.branchId ?? 'every branch'} ${f.date} ${f.figure}`).join(', ')})`)
  }
  const found = result.differences.length + result.nowDifferences.length
  if (!found) console.log('✔ The kept figures equal the recomputed ones')
  else if (result.repaired && !result.unrepaired.length) console.log(`✔ ${found} differences fixed: the kept figures now equal the recomputed ones`)
  else if (result.repaired) {
    for (const d of result.unrepaired) console.log(`  ${d.branchId} ${d.date ?? 'now'} ${d.figure}: still kept ${d.kept}, recomputed ${d.recomputed}`)
    console.log(`✖ ${result.unrepaired.length} differences could not be fixed: their figures kept changing while the fix was written (money landing); run it again`)
    process.exit(1)
  } else {
    console.log(`✖ ${found} differences (run again with --fix to correct them)`)
    process.exit(1)
  }
}

main().catch((error) => {
  console.error(`✖ ${error instanceof DomainError ? error.message : failureMessage(error)}`)
  process.exit(1)
})
