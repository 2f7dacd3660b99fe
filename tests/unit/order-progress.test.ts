import type { Translate } from '../../src/i18n'
import { zhCN } from '../../src/i18n/zh-CN'
import { expectedText, extraPhotosDue, payableNow, progressOf } from '../../src/lib/order-labels'
import type { Actor, Order, Payment } from '../../types/orders'

const t: Translate = (key, params = {}) => zhCN[key].replace(/\{(\w+)\}/g, (match: string, name: string) => (name in params ? String(params[name]) : match))
const ZONE = 'Asia/Shanghai'
const customer = { id: 'c', name: '小满', role: 'customer' as const }
const system = { id: 'system', name: 'system', role: 'system' as const }
const photographer = { id: 'p', name: '阿光', role: 'photographer' as const }

const event = (stage: Order['stage'], at: string, by: Actor = system) => ({ stage, at, by })
const paid = (kind: Payment['kind'], amountFen: number, status: Payment['status'] = 'captured') => ({ kind, amountFen, status })

describe('an order’s progress as the customer sees it', () => {
  it('marks the stages passed with when and who, the current one, the one expected next, and the rest', () => {
    const steps = progressOf({
      stage: 'shot',
      timeline: [event('pending_deposit', '2026-11-28T02:00:00Z', customer), event('confirmed', '2026-11-28T02:05:00Z'), event('shot', '2026-11-30T06:00:00Z', photographer)],
    })
    expect(steps.map((s) => `${s.stage}:${s.state}`)).toEqual([
      'pending_deposit:done',
      'confirmed:done',
      'shot:current',
      'selecting:next',
      'retouching:later',
      'designing:later',
      'proofing:later',
      'producing:later',
      'ready:later',
      'completed:later',
    ])
    expect(steps[2]).toMatchObject({ at: '2026-11-30T06:00:00Z', by: photographer })
    expect(steps[3]!.at).toBeUndefined()
  })

  it('shows a design sent back for changes at its latest visit, and a cancelled order only as far as it got', () => {
    const revised = progressOf({
      stage: 'designing',
      timeline: [event('designing', '2026-12-01T02:00:00Z'), event('proofing', '2026-12-02T02:00:00Z'), event('designing', '2026-12-03T02:00:00Z', customer)],
    })
    expect(revised.find((s) => s.stage === 'designing')).toMatchObject({ state: 'current', at: '2026-12-03T02:00:00Z', by: customer })
    expect(revised.find((s) => s.stage === 'proofing')!.state).toBe('next')

    const cancelled = progressOf({ stage: 'cancelled', timeline: [event('pending_deposit', '2026-11-28T02:00:00Z', customer), event('cancelled', '2026-11-28T02:15:00Z')] })
    expect(cancelled.map((s) => `${s.stage}:${s.state}`)).toEqual(['pending_deposit:done', 'cancelled:current'])
  })

  it('gives the next step’s date in the studio’s zone, and never tells the customer the studio is late', () => {
    expect(expectedText(t, { stage: 'retouching', expectedBy: '2026-12-08' }, '2026-12-01', ZONE)).toBe('预计 12月8日前')
    expect(expectedText(t, { stage: 'retouching', expectedBy: '2026-11-30' }, '2026-12-01', ZONE)).toBe(zhCN['order.expectedSoon'])
    // The customer's own turn past its date: nothing rather than a reproach.
    expect(expectedText(t, { stage: 'selecting', expectedBy: '2026-11-30' }, '2026-12-01', ZONE)).toBeUndefined()
    // Confirmed: the shoot itself, 09:00 in Shanghai.
    expect(expectedText(t, { stage: 'confirmed', shootAt: '2026-11-30T01:00:00Z', expectedBy: '2026-11-30' }, '2026-11-28', ZONE)).toBe('拍摄时间 11月30日 09:00')
    expect(expectedText(t, { stage: 'completed' }, '2026-12-01', ZONE)).toBeUndefined()
  })
})

describe('what the customer can pay now', () => {
  const order = { depositFen: 59970, selection: undefined as Order['selection'] }

  it('is only the deposit before the booking is confirmed', () => {
    expect(payableNow({ ...order, stage: 'pending_deposit', balanceFen: 199900 }, [])).toEqual([{ kind: 'deposit', amountFen: 59970 }])
  })

  it('is the extra photos picked and the balance, each once, and nothing when all is paid', () => {
    const selection = { photoIds: [], includedCount: 12, extraCount: 3, extraFen: 15000, confirmedAt: '2026-12-01T02:00:00Z' }
    const open = { ...order, stage: 'retouching' as const, selection, balanceFen: 154930 }
    expect(payableNow(open, [paid('deposit', 59970)])).toEqual([
      { kind: 'extra_photos', amountFen: 15000 },
      { kind: 'balance', amountFen: 154930 },
    ])
    expect(extraPhotosDue(open, [paid('deposit', 59970), paid('extra_photos', 15000)])).toBe(0)
    expect(payableNow({ ...open, balanceFen: 139930 }, [paid('deposit', 59970), paid('extra_photos', 15000)])).toEqual([{ kind: 'balance', amountFen: 139930 }])
    // A payment being handed back does not count as paid.
    expect(extraPhotosDue(open, [paid('extra_photos', 15000, 'refund_processing')])).toBe(15000)
    expect(payableNow({ ...open, balanceFen: 0 }, [])).toEqual([])
    expect(payableNow({ ...open, stage: 'cancelled' }, [])).toEqual([])
  })
})
