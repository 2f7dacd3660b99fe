import type { z } from 'zod'
import type { Role } from '../../types/roles'
import type { staffReport as operation } from '../../types/reports-operations'
import type { StaffFiguresSchema } from '../../types/reports'
import type { RequestContext } from '../domain/context'
import { basisPoints, daysOf, figure, keyed, valueOf, type Counters } from '../domain/report-figures'
import { workingMinutes } from '../domain/report-maths'
import type { ReportsDeps } from './ports'
import { nameIn, periodFigures } from './report-scope'

interface Person {
  name: string
  role: Role
  /** Working minutes in the current and the previous period. */
  minutes: { current: number; previous: number }
}

/** Those whose time is booked: their utilisation is booked ÷ working minutes. */
const BOOKED_ROLES: readonly Role[] = ['photographer', 'makeup']

function staffFigures(c: Counters, people: Map<string, Person>, name: (id: string) => string, which: 'current' | 'previous'): z.input<typeof StaffFiguresSchema> {
  // What was sold at selection: extra photos and add-ons.
  const upsell = keyed(c, 'sel', 'photosFen')
  for (const [id, fen] of keyed(c, 'sel', 'upgradesFen')) upsell.set(id, (upsell.get(id) ?? 0) + fen)
  const selected = keyed(c, 'sel', 'orders')
  const ids = new Set([...people.keys(), ...keyed(c, 'staff', 'commissionFen').keys(), ...keyed(c, 'staff', 'shoots').keys(), ...keyed(c, 'staff', 'bookedMinutes').keys(), ...selected.keys()])
  const staff = [...ids]
    .map((id) => {
      const person = people.get(id)
      const bookedMinutes = valueOf(c, figure.staffBookedMinutes(id))
      const minutes = person?.minutes[which] ?? 0
      const role: Role = person?.role ?? 'admin'
      return {
        staffId: id,
        staffName: person?.name ?? name(id),
        role,
        shoots: valueOf(c, figure.staffShoots(id)),
        selections: selected.get(id) ?? 0,
        upsellFen: upsell.get(id) ?? 0,
        commissionFen: valueOf(c, figure.staffCommission(id)),
        bookedMinutes,
        workingMinutes: minutes,
        utilisationBp: BOOKED_ROLES.includes(role) ? basisPoints(bookedMinutes, minutes) : null,
      }
    })
    .sort((a, b) => b.commissionFen - a.commissionFen || a.staffName.localeCompare(b.staffName))
  return { staff, commissionFen: staff.reduce((s, p) => s + p.commissionFen, 0) }
}

/**
 * Each person's work and commission, and for photographers and makeup artists the share of
 * their working time that was booked. Working time is read from the branches' rosters (bounded
 * by the staff, not the orders); everything else from the kept figures.
 */
export async function staffReport(deps: ReportsDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const f = await periodFigures(deps, ctx, input)
  const rosters = await Promise.all(f.scope.branchIds.map((b) => deps.scheduling.branchResources(f.scope.caller.studioId, b)))
  const people = new Map<string, Person>()
  const currentDays = daysOf(f.frame.period)
  const previousDays = daysOf(f.frame.previousPeriod)
  for (const roster of rosters) {
    const branch = roster.schedule ?? { openingHours: {}, closedDates: [] }
    for (const member of roster.staff) {
      const schedule = member.schedule ?? { daysOff: [] }
      const known = people.get(member.id)
      const minutes = { current: workingMinutes(currentDays, branch, schedule), previous: workingMinutes(previousDays, branch, schedule) }
      people.set(member.id, {
        name: member.displayName,
        role: member.roles.find((r) => BOOKED_ROLES.includes(r)) ?? member.roles[0]!,
        minutes: { current: (known?.minutes.current ?? 0) + minutes.current, previous: (known?.minutes.previous ?? 0) + minutes.previous },
      })
    }
  }
  const name = nameIn(f.names)
  return {
    ...f.frame,
    current: staffFigures(f.current, people, name, 'current'),
    previous: staffFigures(f.previous, people, name, 'previous'),
    series: f.buckets.map((b) => {
      const s = staffFigures(b.counters, new Map(), name, 'current')
      return { bucket: b.bucket, bucketTo: b.bucketTo, commissionFen: s.commissionFen, bookedMinutes: s.staff.reduce((sum, p) => sum + p.bookedMinutes, 0) }
    }),
  }
}
