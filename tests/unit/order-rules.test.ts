import { defaultOrderSettings, orderStages, OutTradeNoSchema, type OrderStage } from '../../types/orders'
import { RequestIdSchema } from '../../types/common'
import { checkDiscount, checkTransition, expectedBy, isOverdue, orderTotal, selectionPrice, upgradesAtSelection } from '../../functions/domain/order'
import { DomainError } from '../../functions/domain/errors'
import { outTradeNoFor } from '../../functions/payments/prepay'

const codeOf = (fn: () => void) => {
  try {
    fn()
    return 'OK'
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error)
  }
}

describe('the order state machine', () => {
  const staffMoves: [OrderStage, OrderStage, string][] = [
    ['confirmed', 'shot', 'photographer'],
    ['shot', 'selecting', 'retoucher'],
    ['retouching', 'designing', 'retoucher'],
    ['designing', 'proofing', 'retoucher'],
    ['proofing', 'producing', 'customer'],
    ['proofing', 'designing', 'reception'],
    ['producing', 'ready', 'reception'],
    ['ready', 'completed', 'reception'],
    ['pending_deposit', 'cancelled', 'customer'],
    ['confirmed', 'cancelled', 'reception'],
  ]

  it.each(staffMoves)('lets the right role move %s → %s (%s), and managers and admins too', (from, to, role) => {
    expect(codeOf(() => checkTransition(from, to, [role as never]))).toBe('OK')
    expect(codeOf(() => checkTransition(from, to, ['manager']))).toBe('OK')
    expect(codeOf(() => checkTransition(from, to, ['admin']))).toBe('OK')
  })

  it('refuses the wrong role as FORBIDDEN', () => {
    expect(codeOf(() => checkTransition('confirmed', 'shot', ['retoucher']))).toBe('FORBIDDEN')
    expect(codeOf(() => checkTransition('ready', 'completed', ['photographer']))).toBe('FORBIDDEN')
    expect(codeOf(() => checkTransition('retouching', 'designing', ['customer']))).toBe('FORBIDDEN')
    expect(codeOf(() => checkTransition('proofing', 'producing', ['finance']))).toBe('FORBIDDEN')
  })

  it('leaves the deposit to the payment: not even a manager confirms an unpaid order', () => {
    expect(codeOf(() => checkTransition('pending_deposit', 'confirmed', ['manager', 'admin']))).toBe('FORBIDDEN')
    expect(codeOf(() => checkTransition('pending_deposit', 'confirmed', ['system']))).toBe('OK')
  })

  it('refuses every move that is not in the table as ILLEGAL_TRANSITION, whoever asks', () => {
    const legal = new Set([...staffMoves.map(([f, t]) => `${f}>${t}`), 'pending_deposit>confirmed', 'selecting>retouching'])
    for (const from of orderStages) {
      for (const to of orderStages) {
        if (legal.has(`${from}>${to}`)) continue
        expect({ from, to, code: codeOf(() => checkTransition(from, to, ['admin', 'system'])) }).toEqual({ from, to, code: 'ILLEGAL_TRANSITION' })
      }
    }
  })

  it('never cancels once shot, and nothing leaves completed or cancelled', () => {
    for (const from of ['shot', 'selecting', 'retouching', 'designing', 'proofing', 'producing', 'ready', 'completed'] as const) {
      expect(codeOf(() => checkTransition(from, 'cancelled', ['admin']))).toBe('ILLEGAL_TRANSITION')
    }
    for (const to of orderStages) {
      expect(codeOf(() => checkTransition('completed', to, ['admin']))).toBe('ILLEGAL_TRANSITION')
      expect(codeOf(() => checkTransition('cancelled', to, ['admin']))).toBe('ILLEGAL_TRANSITION')
    }
  })
})

describe('expected dates', () => {
  const tz = 'Asia/Shanghai'
  it('counts the studio’s days per stage from entering it, in the studio’s time zone', () => {
    // 23:30 UTC on 1 March is already 2 March in Shanghai.
    const entered = new Date('2026-03-01T23:30:00Z')
    expect(expectedBy('retouching', entered, defaultOrderSettings, tz)).toBe('2026-03-12')
    expect(expectedBy('retouching', entered, { ...defaultOrderSettings, stageDays: { ...defaultOrderSettings.stageDays, retouching: 3 } }, tz)).toBe('2026-03-05')
  })
  it('waits for the shoot date while confirmed, and expects nothing of a finished order', () => {
    expect(expectedBy('confirmed', new Date(), defaultOrderSettings, tz, '2026-05-20T02:00:00Z')).toBe('2026-05-20')
    expect(expectedBy('completed', new Date(), defaultOrderSettings, tz)).toBeUndefined()
    expect(expectedBy('cancelled', new Date(), defaultOrderSettings, tz)).toBeUndefined()
  })
  it('is overdue only after the expected day', () => {
    expect(isOverdue('2026-03-12', '2026-03-12')).toBe(false)
    expect(isOverdue('2026-03-12', '2026-03-13')).toBe(true)
    expect(isOverdue(undefined, '2026-03-13')).toBe(false)
  })
})

describe('money', () => {
  it('totals package + add-ons − discount, never below zero', () => {
    expect(orderTotal(199900, [{ amountFen: 30000 }, { amountFen: 15000 }], 10000)).toBe(234900)
    expect(codeOf(() => orderTotal(1000, [], 1001))).toBe('VALIDATION_FAILED')
  })
  it('lets reception discount up to the studio’s limit and managers beyond it', () => {
    expect(codeOf(() => checkDiscount(19990, 199900, defaultOrderSettings, ['reception']))).toBe('OK')
    expect(codeOf(() => checkDiscount(19991, 199900, defaultOrderSettings, ['reception']))).toBe('DISCOUNT_NEEDS_MANAGER')
    expect(codeOf(() => checkDiscount(100000, 199900, defaultOrderSettings, ['manager']))).toBe('OK')
  })
  it('prices extra photos beyond what the package includes', () => {
    expect(selectionPrice(15, 12, 5000)).toEqual({ includedCount: 12, extraCount: 3, extraFen: 15000 })
    expect(selectionPrice(8, 12, 5000)).toEqual({ includedCount: 8, extraCount: 0, extraFen: 0 })
  })
  it('keeps the net change of the add-ons while the order is in selection, whatever the order of the edits, and nothing in any other stage', () => {
    const frame = { amountFen: 38_000 }
    const pages = { amountFen: 30_000 }
    expect(upgradesAtSelection({ stage: 'selecting', addOns: [frame] }, [frame, pages])).toBe(30_000)
    expect(upgradesAtSelection({ stage: 'selecting', addOns: [frame, pages], upgradesFen: 30_000 }, [frame])).toBe(0)
    // The frame was sold before selection: taking it back during selection is a net change below zero…
    const frameOff = upgradesAtSelection({ stage: 'selecting', addOns: [frame, pages], upgradesFen: 30_000 }, [pages])
    expect(frameOff).toBe(-8_000)
    // …and putting it back sells nothing: the same as never having touched it.
    expect(upgradesAtSelection({ stage: 'selecting', addOns: [pages], upgradesFen: frameOff }, [frame, pages])).toBe(30_000)
    // The same two edits the other way round end at the same figure.
    const pagesFirst = upgradesAtSelection({ stage: 'selecting', addOns: [frame] }, [frame, pages])
    expect(upgradesAtSelection({ stage: 'selecting', addOns: [frame, pages], upgradesFen: pagesFirst }, [pages])).toBe(-8_000)
    const frameFirst = upgradesAtSelection({ stage: 'selecting', addOns: [frame] }, [])
    expect(upgradesAtSelection({ stage: 'selecting', addOns: [], upgradesFen: frameFirst }, [pages])).toBe(-8_000)
    expect(upgradesAtSelection({ stage: 'selecting', addOns: [frame, pages], upgradesFen: 30_000 }, [frame, pages, pages])).toBe(60_000)
    expect(upgradesAtSelection({ stage: 'shot', addOns: [] }, [pages])).toBeUndefined()
    expect(upgradesAtSelection({ stage: 'retouching', addOns: [pages], upgradesFen: 30_000 }, [pages, frame])).toBe(30_000)
  })
  it('names the same charge with the same out_trade_no, and any other charge differently', () => {
    const no = outTradeNoFor('S1', '01J00000000000000000000000', 'deposit', 59970, 0)
    expect(OutTradeNoSchema.parse(no)).toBe(no)
    // Never a request id: no desk payment or refund can be recorded under the id of the WeChat payment to come.
    expect(RequestIdSchema.safeParse(no).success).toBe(false)
    expect(outTradeNoFor('S1', '01J00000000000000000000000', 'deposit', 59970, 0)).toBe(no)
    const others = [
      outTradeNoFor('S1', '01J00000000000000000000001', 'deposit', 59970, 0),
      outTradeNoFor('S1', '01J00000000000000000000000', 'balance', 59970, 0),
      outTradeNoFor('S1', '01J00000000000000000000000', 'deposit', 59971, 0),
      outTradeNoFor('S1', '01J00000000000000000000000', 'deposit', 59970, 1),
    ]
    others.push(outTradeNoFor('S2', '01J00000000000000000000000', 'deposit', 59970, 0))
    expect(new Set([no, ...others]).size).toBe(6)
  })
})
