import fc from 'fast-check'
import { availableSlots, leastBooked, localInstant, type AvailabilityQuery, type BookableResource } from '../../functions/domain/availability'

const MIN = 60_000
const shanghai = { timeZone: 'Asia/Shanghai', gridMinutes: 30, bufferMinutes: 30, minNoticeMinutes: 24 * 60, horizonDays: 180 }
const everyDay = (from: string, to: string) => Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ from, to }]]))
const at = (iso: string) => Date.parse(iso)

const base = (overrides: Partial<AvailabilityQuery> = {}): AvailabilityQuery => ({
  from: '2026-12-01',
  to: '2026-12-01',
  durationMinutes: 120,
  needs: ['photographer', 'room'],
  openingHours: everyDay('09:00', '18:00'),
  closedDates: [],
  resources: [
    { id: 'zhang', kind: 'photographer', workingHours: everyDay('09:00', '18:00'), busy: [] },
    { id: 'room-a', kind: 'room', busy: [] },
  ],
  policy: shanghai,
  now: at('2026-11-28T10:00:00+08:00'),
  ...overrides,
})

describe('availability', () => {
  it('offers every half hour from opening until the last start that ends by closing, in Shanghai time', () => {
    const slots = availableSlots(base())
    expect(slots[0]).toMatchObject({ date: '2026-12-01', time: '09:00', startsAt: at('2026-12-01T09:00:00+08:00') })
    expect(slots.at(-1)!.time).toBe('16:00')
    expect(slots).toHaveLength(15)
  })

  it('keeps the buffer around an existing booking on the same photographer', () => {
    const booked = { start: at('2026-12-01T12:00:00+08:00'), end: at('2026-12-01T14:00:00+08:00') }
    const slots = availableSlots(base({ resources: [{ id: 'zhang', kind: 'photographer', busy: [booked] }, { id: 'room-a', kind: 'room', busy: [] }] }))
    const times = slots.map((s) => s.time)
    expect(times).toContain('09:30') // ends 11:30, buffer to 12:00
    expect(times).not.toContain('10:00') // ends 12:00, inside the buffer
    expect(times).not.toContain('14:00')
    expect(times).toContain('14:30')
  })

  it('respects the minimum notice, the horizon and closed days', () => {
    const now = at('2026-11-30T15:00:00+08:00')
    const early = availableSlots(base({ now }))
    expect(early[0]!.time).toBe('15:00') // 24 hours after now
    expect(availableSlots(base({ now, ignoreNotice: true }))[0]!.time).toBe('09:00')
    expect(availableSlots(base({ closedDates: ['2026-12-01'] }))).toEqual([])
    expect(availableSlots(base({ from: '2027-06-01', to: '2027-06-01' }))).toEqual([])
  })

  it('only counts the chosen photographer when the customer chose one', () => {
    const resources: BookableResource[] = [
      { id: 'zhang', kind: 'photographer', busy: [{ start: at('2026-12-01T00:00:00+08:00'), end: at('2026-12-02T00:00:00+08:00') }] },
      { id: 'wang', kind: 'photographer', busy: [] },
      { id: 'room-a', kind: 'room', busy: [] },
    ]
    expect(availableSlots(base({ resources, photographerId: 'zhang' }))).toEqual([])
    expect(availableSlots(base({ resources }))[0]!.free.photographer).toEqual(['wang'])
  })

  it('assigns the least-booked free photographer', () => {
    expect(leastBooked(['zhang', 'wang', 'li'], { zhang: 3, wang: 1, li: 2 })).toBe('wang')
    expect(leastBooked(['zhang', 'wang'], {})).toBe('zhang')
  })

  it('keeps to the studio’s zone on the days Paris changes its clocks', () => {
    const paris = { ...shanghai, timeZone: 'Europe/Paris', minNoticeMinutes: 0 }
    const march = availableSlots(base({ from: '2027-03-28', to: '2027-03-28', policy: paris, now: at('2027-03-01T00:00:00Z'), openingHours: everyDay('01:00', '05:00'), durationMinutes: 60, resources: [{ id: 'p', kind: 'photographer', busy: [] }, { id: 'r', kind: 'room', busy: [] }] }))
    // 02:00–03:00 does not exist that night: no slot starts in it, and 01:30 runs a real hour, to 03:30.
    expect(march.map((s) => s.time)).toEqual(['01:00', '01:30', '03:00', '03:30', '04:00'])
    expect(march[1]!.endsAt - march[1]!.startsAt).toBe(60 * MIN)
    expect(march[0]!.startsAt).toBe(at('2027-03-28T01:00:00+01:00'))
    expect(march[2]!.startsAt).toBe(at('2027-03-28T03:00:00+02:00'))

    const october = availableSlots(base({ from: '2027-10-31', to: '2027-10-31', policy: paris, now: at('2027-10-01T00:00:00Z'), openingHours: everyDay('09:00', '11:00'), durationMinutes: 60 }))
    expect(october.map((s) => s.time)).toEqual(['09:00', '09:30', '10:00'])
    expect(october[0]!.startsAt).toBe(at('2027-10-31T09:00:00+01:00'))
  })

  it('finds the instant of a wall-clock time, and none inside a DST gap', () => {
    expect(localInstant('2026-12-01', 9 * 60, 'Asia/Shanghai')).toBe(at('2026-12-01T01:00:00Z'))
    expect(localInstant('2027-03-28', 2 * 60 + 30, 'Europe/Paris')).toBeUndefined()
  })
})

describe('availability, for any schedule (properties)', () => {
  const day0 = at('2026-12-07T00:00:00+08:00')
  const interval = fc
    .record({ startMin: fc.integer({ min: 0, max: 3 * 24 * 60 }), length: fc.integer({ min: 15, max: 300 }) })
    .map(({ startMin, length }) => ({ start: day0 + startMin * MIN, end: day0 + (startMin + length) * MIN }))
  const resource = (kind: 'photographer' | 'makeup' | 'room', id: string) =>
    fc.record({ busy: fc.array(interval, { maxLength: 4 }), unavailable: fc.array(interval, { maxLength: 2 }), daysOff: fc.subarray(['2026-12-07', '2026-12-08', '2026-12-09']) }).map((r) => ({ id, kind, ...r }))
  const scenario = fc.record({
    resources: fc.tuple(resource('photographer', 'p1'), resource('photographer', 'p2'), resource('makeup', 'm1'), resource('room', 'r1')),
    durationMinutes: fc.integer({ min: 30, max: 300 }),
    gridMinutes: fc.constantFrom(15, 30, 60),
    bufferMinutes: fc.constantFrom(0, 15, 30),
    minNoticeMinutes: fc.integer({ min: 0, max: 4 * 24 * 60 }),
    horizonDays: fc.integer({ min: 1, max: 5 }),
    closedDates: fc.subarray(['2026-12-07', '2026-12-08', '2026-12-09']),
    open: fc.constantFrom('08:00', '09:00', '10:30'),
    close: fc.constantFrom('17:00', '18:00', '21:00'),
    timeZone: fc.constantFrom('Asia/Shanghai', 'Europe/Paris', 'America/New_York'),
  })

  it('never offers a time where a needed resource is booked, held, on leave or off, and respects grid, notice, horizon and closing', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const policy = { timeZone: s.timeZone, gridMinutes: s.gridMinutes, bufferMinutes: s.bufferMinutes, minNoticeMinutes: s.minNoticeMinutes, horizonDays: s.horizonDays }
        const now = day0 - 24 * 60 * MIN
        const slots = availableSlots({
          from: '2026-12-07',
          to: '2026-12-09',
          durationMinutes: s.durationMinutes,
          needs: ['photographer', 'makeup', 'room'],
          openingHours: everyDay(s.open, s.close),
          closedDates: s.closedDates,
          resources: [...s.resources],
          policy,
          now,
        })
        for (const slot of slots) {
          expect(s.closedDates).not.toContain(slot.date)
          expect(slot.startsAt).toBeGreaterThanOrEqual(now + s.minNoticeMinutes * MIN)
          expect(slot.startsAt).toBeLessThanOrEqual(now + s.horizonDays * 86_400_000)
          const openAt = localInstant(slot.date, Number(s.open.slice(0, 2)) * 60 + Number(s.open.slice(3)), s.timeZone)!
          const closeAt = localInstant(slot.date, Number(s.close.slice(0, 2)) * 60 + Number(s.close.slice(3)), s.timeZone)!
          expect(slot.startsAt).toBeGreaterThanOrEqual(openAt)
          expect(slot.endsAt).toBeLessThanOrEqual(closeAt)
          const [hh, mm] = slot.time.split(':').map(Number)
          expect((hh! * 60 + mm! - (Number(s.open.slice(0, 2)) * 60 + Number(s.open.slice(3)))) % s.gridMinutes).toBe(0)
          for (const kind of ['photographer', 'makeup', 'room'] as const) {
            const free = slot.free[kind]!
            expect(free.length).toBeGreaterThan(0)
            for (const id of free) {
              const r = s.resources.find((x) => x.id === id)!
              expect(r.daysOff).not.toContain(slot.date)
              const padded = { start: slot.startsAt - s.bufferMinutes * MIN, end: slot.endsAt + s.bufferMinutes * MIN }
              for (const b of r.busy) expect(b.start < padded.end && padded.start < b.end).toBe(false)
              for (const u of r.unavailable) expect(u.start < slot.endsAt && slot.startsAt < u.end).toBe(false)
            }
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('offers a time whenever every needed resource is entirely free then (it does not hide good slots)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 15, max: 240 }), fc.constantFrom(15, 30, 60), (duration, grid) => {
        const slots = availableSlots(base({ durationMinutes: duration, policy: { ...shanghai, gridMinutes: grid, minNoticeMinutes: 0 } }))
        const expected = Math.floor((9 * 60 - duration) / grid) + 1
        expect(slots).toHaveLength(expected)
      }),
    )
  })
})
