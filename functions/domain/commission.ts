import type { CommissionCalc, CommissionLine, CommissionRule, CommissionTier } from '../../types/finance'

export interface CommissionLineRecord extends CommissionLine {
  studioId: string
}

/** The month's base a line adds to a rule's counter (for tiers), conditioned on the count it was computed from. */
export interface CommissionBaseCount {
  studioId: string
  staffId: string
  month: string
  ruleId: string
  beforeFen: number
  addFen: number
}

/** Commission earned by one event: its lines and the month bases they counted on, written with the event. */
export interface CommissionWrites {
  lines: CommissionLineRecord[]
  counts: CommissionBaseCount[]
}

/** What one earning event brings to a rule: the base it counts, and for fixed amounts the units of work. */
export interface Earning {
  baseFen: number
  /** Orders, or extra photos sold at selection: what a fixed amount is paid per. */
  units: number
  /** The earner's base for this rule earlier in the same month (for tiers). */
  monthBaseBeforeFen: number
  packageId?: string
  productIds?: readonly string[]
}

type Terms = Pick<CommissionRule, 'calc' | 'tiers' | 'overrides'>

/** The calculation that applies: a package override first, then a product one, else the rule's own. */
export function calcFor(rule: Terms, earning: Pick<Earning, 'packageId' | 'productIds'>): { calc: CommissionCalc; overridden: boolean } {
  const byPackage = rule.overrides.find((o) => o.target === 'package' && o.targetId === earning.packageId)
  const byProduct = rule.overrides.find((o) => o.target === 'product' && (earning.productIds ?? []).includes(o.targetId))
  const override = byPackage ?? byProduct
  return override ? { calc: override.calc, overridden: true } : { calc: rule.calc, overridden: false }
}

/** Integer division rounding halves away from zero, so fen are never lost to floating point. */
export function divRound(numerator: number, denominator: number): number {
  const sign = Math.sign(numerator) * Math.sign(denominator)
  const n = Math.abs(numerator)
  const d = Math.abs(denominator)
  return sign * Math.floor((2 * n + d) / (2 * d))
}

/**
 * A percentage of `baseFen` with tiers over the month's total, applied marginally: the part of
 * the base that falls above a tier's threshold earns that tier's rate. Below the first tier,
 * the rule's own rate applies.
 */
export function tieredPercent(baseBasisPoints: number, tiers: readonly CommissionTier[], monthBaseBeforeFen: number, baseFen: number): number {
  const brackets = [{ fromFen: 0, basisPoints: baseBasisPoints }, ...[...tiers].sort((a, b) => a.fromFen - b.fromFen)]
  const start = monthBaseBeforeFen
  const end = monthBaseBeforeFen + baseFen
  let weighted = 0
  brackets.forEach((bracket, i) => {
    const upper = brackets[i + 1]?.fromFen ?? Number.POSITIVE_INFINITY
    const portion = Math.max(0, Math.min(end, upper) - Math.max(start, bracket.fromFen))
    weighted += portion * bracket.basisPoints
  })
  return divRound(weighted, 10_000)
}

/** The whole share one earning event earns under a rule, before it is split between staff. */
export function commissionFor(rule: Terms, earning: Earning): number {
  if (earning.baseFen <= 0) return 0
  const { calc, overridden } = calcFor(rule, earning)
  if (calc.kind === 'fixed') return calc.fen * earning.units
  return overridden ? divRound(earning.baseFen * calc.basisPoints, 10_000) : tieredPercent(calc.basisPoints, rule.tiers, earning.monthBaseBeforeFen, earning.baseFen)
}

/** Splits `totalFen` into `parts` shares that differ by at most one fen and add up exactly. */
export function splitEqually(totalFen: number, parts: number): number[] {
  if (parts <= 0) return []
  const floor = Math.floor(totalFen / parts)
  const remainder = totalFen - floor * parts
  return Array.from({ length: parts }, (_, i) => floor + (i < remainder ? 1 : 0))
}

/** Each earner's share: split equally between them, or each earns the whole share. */
export function sharesOf(rule: Pick<CommissionRule, 'split'>, totalFen: number, earners: number): number[] {
  return rule.split === 'each' ? Array.from({ length: earners }, () => totalFen) : splitEqually(totalFen, earners)
}

/** The rule version in force on `date`: the latest whose effective day is not after it. */
export function ruleInForce<R extends Pick<CommissionRule, 'effectiveFrom' | 'version'>>(versions: readonly R[], date: string): R | undefined {
  return [...versions]
    .filter((v) => v.effectiveFrom <= date)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0]
}

/**
 * What a refund takes back of a line: the same share of the commission as the refund is of
 * the line's base, never more than is left of the line after earlier claw-backs. Negative.
 */
export function clawBackFor(line: Pick<CommissionLine, 'amountFen' | 'baseFen'>, refundedFen: number, clawedBackBeforeFen: number): number {
  if (line.baseFen <= 0 || line.amountFen <= 0) return 0
  const wanted = divRound(line.amountFen * Math.min(refundedFen, line.baseFen), line.baseFen)
  const left = line.amountFen - clawedBackBeforeFen
  return -Math.max(0, Math.min(wanted, left))
}

/** The month (YYYY-MM) of a studio date. */
export const monthOf = (date: string) => date.slice(0, 7)

/** Totals of a set of lines: what was earned, what refunds took back, and the net. */
export function commissionTotals(lines: readonly Pick<CommissionLine, 'amountFen'>[]) {
  const earnedFen = lines.filter((l) => l.amountFen > 0).reduce((s, l) => s + l.amountFen, 0)
  const clawedBackFen = -lines.filter((l) => l.amountFen < 0).reduce((s, l) => s + l.amountFen, 0)
  return { earnedFen, clawedBackFen, netFen: earnedFen - clawedBackFen }
}
