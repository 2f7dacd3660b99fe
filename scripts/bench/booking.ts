import { occupiedSpan } from '../../functions/domain/booking'
import type { LocalDynamo } from '../lib/dynamodb-local'
import { percentile, pool, setUp, withBenchApi } from './harness'

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' })
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString()

export async function benchBooking(dynamo: LocalDynamo) {
  return withBenchApi(dynamo, {}, async ({ deps, call }) => {
    const { studio, branchId, pkg, photographers } = await setUp(deps)
    console.log('    signing in 200 customers…')
    const customers = await pool(200, 20, async (i) => {
      const signedIn = await call('POST', '/auth/wechat/sign-in', undefined, { studioCode: studio.code, code: `dev:bench-${i}` })
      if (signedIn.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.body)}`)
      return signedIn.body.token as string
    })

    // 1. Two hundred customers, one photographer, one slot, the same instant.
    const target = at(day(7), '10:00')
    const race = await Promise.all(customers.map((token) => call('POST', '/bookings', token, { packageId: pkg.id, branchId, startsAt: target, photographerId: photographers[0]!.id })))
    const raceResult = {
      requests: race.length,
      booked: race.filter((r) => r.status === 200 && r.body.id).length,
      'refused 409 SLOT_TAKEN': race.filter((r) => r.status === 409 && r.body.error.code === 'SLOT_TAKEN').length,
      'with next free times': race.filter((r) => r.status === 409 && r.body.error.details?.nextFreeTimes?.length > 0).length,
      other: race.filter((r) => r.status !== 200 && r.status !== 409).length,
    }
    console.log('    same-slot race done')

    // 2. A thousand random bookings, reschedules and cancels across a week.
    const dates = Array.from({ length: 7 }, (_, i) => day(8 + i))
    const times = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00']
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!
    const mine: { token: string; id: string }[] = []
    const outcomes: Record<string, number> = {}
    const count = (key: string) => (outcomes[key] = (outcomes[key] ?? 0) + 1)
    const latencies: Record<'book' | 'availability', number[]> = { book: [], availability: [] }
    const mixStarted = performance.now()
    await pool(1000, 40, async () => {
      const roll = Math.random()
      const token = pick(customers)
      if (roll < 0.6 || mine.length === 0) {
        const r = await call('POST', '/bookings', token, { packageId: pkg.id, branchId, startsAt: at(pick(dates), pick(times)) })
        latencies.book.push(r.ms)
        if (r.status === 200) mine.push({ token, id: r.body.id })
        count(`book ${r.status === 200 ? 'ok' : (r.body.error?.code ?? r.status)}`)
      } else if (roll < 0.8) {
        const { token: owner, id } = pick(mine)
        const r = await call('POST', `/bookings/${id}/reschedule`, owner, { startsAt: at(pick(dates), pick(times)) })
        count(`reschedule ${r.status === 200 ? 'ok' : (r.body.error?.code ?? r.status)}`)
      } else {
        const { token: owner, id } = pick(mine)
        const r = await call('POST', `/bookings/${id}/cancel`, owner, {})
        count(`cancel ${r.status === 200 ? 'ok' : (r.body.error?.code ?? r.status)}`)
      }
    })
    const mixSeconds = (performance.now() - mixStarted) / 1000

    // The checker: every live appointment of the week, and no two on one resource overlapping.
    const all = await deps.scheduling.branchAppointments(studio.id, branchId, at(day(6), '00:00'), at(day(16), '00:00'))
    const now = new Date()
    const live = all.filter((a) => a.status === 'confirmed' || (a.status === 'held' && Date.parse(a.holdExpiresAt!) > now.getTime()))
    let overlaps = 0
    const byResource = new Map<string, { start: number; end: number; id: string }[]>()
    for (const a of live) {
      const span = occupiedSpan(Date.parse(a.startsAt), Date.parse(a.endsAt), a.lockedBufferMinutes)
      for (const r of [a.photographerId, a.makeupArtistId, a.roomId]) if (r) byResource.set(r, [...(byResource.get(r) ?? []), { ...span, id: a.id }])
    }
    for (const spans of byResource.values()) {
      spans.sort((x, y) => x.start - y.start)
      for (let i = 1; i < spans.length; i++) if (spans[i]!.start < spans[i - 1]!.end) overlaps++
    }

    // 3. Latency of availability (a week) and booking, 200 requests each, 10 at a time.
    await pool(200, 10, async () => {
      const r = await call('GET', `/bookings/availability?packageId=${pkg.id}&branchId=${branchId}&from=${day(20)}&to=${day(26)}`, pick(customers))
      latencies.availability.push(r.ms)
    })
    const availabilitySeconds = latencies.availability.reduce((a, b) => a + b, 0) / 1000 / 10
    const stats = (list: number[], seconds: number) => {
      const sorted = [...list].sort((a, b) => a - b)
      return { requests: list.length, 'p50 ms': Math.round(percentile(sorted, 50)), 'p95 ms': Math.round(percentile(sorted, 95)), 'req/s': Math.round(list.length / seconds) }
    }
    return {
      race: raceResult,
      mix: { operations: 1000, seconds: Number(mixSeconds.toFixed(1)), ...outcomes, 'live bookings checked': live.length, overlaps },
      latency: [
        { operation: 'availability (7 days)', ...stats(latencies.availability, availabilitySeconds) },
        { operation: 'book (during the mix, 40 in flight)', ...stats(latencies.book, mixSeconds) },
      ],
    }
  })
}
