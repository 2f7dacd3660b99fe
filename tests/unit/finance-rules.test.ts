import fc from 'fast-check'
import type { CommissionRule } from '../../types/finance'
import { clawBackFor, commissionFor, commissionTotals, ruleInForce, sharesOf, splitEqually, tieredPercent } from '../../functions/domain/commission'
import { cashDifference, dayTotals, emptyLedger } from '../../functions/domain/day-close'
import { studioDayBounds } from '../../functions/domain/time'
import { safeCell } from '../../functions/domain/excel-csv'

const PACKAGE = '01J00000000000000000000PKG'
const PRODUCT = '01J00000000000000000000PRD'
const rule = (terms: Partial<Pick<CommissionRule, 'calc' | 'tiers' | 'overrides'>> = {}) => ({
  calc: { kind: 'percent' as const, basisPoints: 300 },
  tiers: [],
  overrides: [],
  ...terms,
})
const earning = (baseFen: number, extra: Partial<Parameters<typeof commissionFor>[1]> = {}) => ({ baseFen, units: 1, monthBaseBeforeFen: 0, ...extra })

describe('commission maths', () => {
  it('pays 3 % of ¥8,888 as ¥266.64, to the fen', () => {
    expect(commissionFor(rule(), earning(888_800))).toBe(26_664)
  })

  it('rounds half a fen up: 3 % of 50 fen is 1.5 fen, paid as 2', () => {
    expect(commissionFor(rule(), earning(50))).toBe(2)
  })

  it('pays a fixed amount per unit: ¥10 for each of 6 extra photos sold at selection', () => {
    expect(commissionFor(rule({ calc: { kind: 'fixed', fen: 1000 } }), earning(30_000, { units: 6 }))).toBe(6000)
  })

  it('applies month tiers marginally: 3 % up to ¥50,000 of the month, 5 % above', () => {
    const tiered = rule({ tiers: [{ fromFen: 5_000_000, basisPoints: 500 }] })
    // ¥48,000 earned already this month; this ¥10,000 order is ¥2,000 at 3 % and ¥8,000 at 5 %.
    expect(commissionFor(tiered, earning(1_000_000, { monthBaseBeforeFen: 4_800_000 }))).toBe(6_000 + 40_000)
    // Before the threshold the base rate alone applies.
    expect(commissionFor(tiered, earning(1_000_000))).toBe(30_000)
  })

  it('lets a package override replace the rule (and its tiers), before a product override', () => {
    const overridden = rule({
      tiers: [{ fromFen: 0, basisPoints: 900 }],
      overrides: [
        { target: 'product', targetId: PRODUCT, calc: { kind: 'fixed', fen: 500 } },
        { target: 'package', targetId: PACKAGE, calc: { kind: 'percent', basisPoints: 1000 } },
      ],
    })
    expect(commissionFor(overridden, earning(100_000, { packageId: PACKAGE, productIds: [PRODUCT] }))).toBe(10_000)
    expect(commissionFor(overridden, earning(100_000, { productIds: [PRODUCT] }))).toBe(500)
    expect(commissionFor(overridden, earning(100_000))).toBe(9_000)
  })

  it('earns nothing on nothing', () => {
    expect(commissionFor(rule({ calc: { kind: 'fixed', fen: 1000 } }), earning(0))).toBe(0)
  })

  it('splits a share equally to the fen, the odd fen to the first earners, never losing one', () => {
    expect(splitEqually(1000, 3)).toEqual([334, 333, 333])
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 8 }), (total, parts) => {
        const shares = splitEqually(total, parts)
        return shares.reduce((s, x) => s + x, 0) === total && Math.max(...shares) - Math.min(...shares) <= 1
      }),
    )
  })

  it('gives each earner the whole share when the rule says each', () => {
    expect(sharesOf({ split: 'each' }, 900, 2)).toEqual([900, 900])
    expect(sharesOf({ split: 'equal' }, 900, 2)).toEqual([450, 450])
  })

  it('tiers never pay less than the base rate when every tier rate is higher', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (before, base) => {
        const high = tieredPercent(300, [{ fromFen: 1_000_000, basisPoints: 500 }], before, base)
        return high >= tieredPercent(300, [], before, base)
      }),
    )
  })
})

describe('rule versions', () => {
  const versions = [
    { version: 1, effectiveFrom: '2026-01-01' },
    { version: 2, effectiveFrom: '2026-11-15' },
    { version: 3, effectiveFrom: '2026-12-01' },
  ]
  it('applies the version in force on the day the commission is earned', () => {
    expect(ruleInForce(versions, '2026-11-14')?.version).toBe(1)
    expect(ruleInForce(versions, '2026-11-15')?.version).toBe(2)
    expect(ruleInForce(versions, '2026-11-30')?.version).toBe(2)
    expect(ruleInForce(versions, '2026-12-01')?.version).toBe(3)
  })
  it('has no rule before the first version', () => {
    expect(ruleInForce(versions, '2025-12-31')).toBeUndefined()
  })
  it('takes the later version when two start on the same day', () => {
    expect(ruleInForce([...versions, { version: 4, effectiveFrom: '2026-12-01' }], '2026-12-02')?.version).toBe(4)
  })
})

describe('claw-backs', () => {
  const line = { amountFen: 9_000, baseFen: 300_000 }
  it('takes back the refunded share: a third refunded, a third of the commission back', () => {
    expect(clawBackFor(line, 100_000, 0)).toBe(-3_000)
  })
  it('never takes back more than is left of the line', () => {
    expect(clawBackFor(line, 300_000, 7_000)).toBe(-2_000)
    expect(Math.abs(clawBackFor(line, 300_000, 9_000))).toBe(0)
  })
  it('adds up earned, clawed back and net', () => {
    expect(commissionTotals([{ amountFen: 9_000 }, { amountFen: -3_000 }, { amountFen: 1_000 }])).toEqual({ earnedFen: 10_000, clawedBackFen: 3_000, netFen: 7_000 })
  })
})

describe('the daily close', () => {
  it('adds up a day: each method net of refunds, expenses and other income, and the cash the till should hold', () => {
    const totals = dayTotals({
      ...emptyLedger(),
      received: { cash: 50_000, card: 120_000, wechat: 300_000 },
      refunded: { cash: 10_000, wechat: 20_000 },
      expenseFen: 8_000,
      incomeFen: 2_000,
    })
    expect(totals.receivedFen).toBe(470_000)
    expect(totals.refundedFen).toBe(30_000)
    expect(totals.netFen).toBe(470_000 - 30_000 + 2_000 - 8_000)
    expect(totals.expectedCashFen).toBe(40_000)
    expect(totals.methods.find((m) => m.method === 'wechat')).toEqual({ method: 'wechat', receivedFen: 300_000, refundedFen: 20_000, netFen: 280_000 })
  })

  it('asks for a reason only when the cash counted differs', () => {
    expect(cashDifference(40_000, 40_000, undefined)).toEqual({ differenceFen: 0, missingReason: false })
    expect(cashDifference(39_000, 40_000, ' ')).toEqual({ differenceFen: -1_000, missingReason: true })
    expect(cashDifference(39_000, 40_000, '找零少收')).toEqual({ differenceFen: -1_000, missingReason: false })
  })

  it('knows a studio day in Shanghai starts at 16:00 UTC the day before', () => {
    expect(studioDayBounds('2026-11-30', 'Asia/Shanghai')).toEqual({ from: '2026-11-29T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' })
  })
})

describe('Excel-safe cells', () => {
  it('defuses formulas but leaves a negative amount a number', () => {
    expect(safeCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`)
    expect(safeCell('-1+2')).toBe(`'-1+2`)
    expect(safeCell('-30.00')).toBe('-30.00')
  })
})
