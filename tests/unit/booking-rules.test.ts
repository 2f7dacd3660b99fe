import { beforeCutoff, DEFAULT_BOOKING_POLICY, lockCells, occupiedSpan, refundPercent } from '../../functions/domain/booking'

const at = (iso: string) => Date.parse(iso)
const day = 86_400_000

describe('booking rules', () => {
  it('locks every half-hour cell from the start to the end plus the buffer', () => {
    const cells = lockCells(at('2026-12-01T10:00:00+08:00'), at('2026-12-01T12:00:00+08:00'), 30)
    expect(cells.map((c) => new Date(c).toISOString())).toEqual([
      '2026-12-01T02:00:00.000Z',
      '2026-12-01T02:30:00.000Z',
      '2026-12-01T03:00:00.000Z',
      '2026-12-01T03:30:00.000Z',
      '2026-12-01T04:00:00.000Z',
    ])
  })

  it('rounds a session off the grid out to whole cells, so it can never slip between two locks', () => {
    const span = occupiedSpan(at('2026-12-01T10:15:00+08:00'), at('2026-12-01T11:05:00+08:00'), 0)
    expect(span).toEqual({ start: at('2026-12-01T10:00:00+08:00'), end: at('2026-12-01T11:30:00+08:00') })
  })

  it('refunds the whole deposit a week ahead, half three days ahead, nothing later (the default policy)', () => {
    const shoot = at('2026-12-20T10:00:00+08:00')
    expect(refundPercent(DEFAULT_BOOKING_POLICY, shoot, shoot - 10 * day)).toBe(100)
    expect(refundPercent(DEFAULT_BOOKING_POLICY, shoot, shoot - 7 * day)).toBe(100)
    expect(refundPercent(DEFAULT_BOOKING_POLICY, shoot, shoot - 7 * day + 1)).toBe(50)
    expect(refundPercent(DEFAULT_BOOKING_POLICY, shoot, shoot - 3 * day)).toBe(50)
    expect(refundPercent(DEFAULT_BOOKING_POLICY, shoot, shoot - 2 * day)).toBe(0)
  })

  it('allows changes until the cutoff and not after', () => {
    const shoot = at('2026-12-20T10:00:00+08:00')
    expect(beforeCutoff(DEFAULT_BOOKING_POLICY, shoot, shoot - 48 * 3_600_000)).toBe(true)
    expect(beforeCutoff(DEFAULT_BOOKING_POLICY, shoot, shoot - 47 * 3_600_000)).toBe(false)
  })
})
