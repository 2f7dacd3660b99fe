import type { z } from 'zod'
import type * as op from '../../types/scheduling-operations'
import type { Slot } from '../domain/availability'
import { callerOf, type Caller, type RequestContext } from '../domain/context'
import type { CatalogRepository } from '../catalog/ports'
import { branchPicture, slotsFor, type BranchPicture } from './branch-picture'
import { assertBranch, nameOf, packageFor } from './placement'
import type { PolicyPorts } from './policy'

/** The front desk books for customers and may waive the minimum notice. */
export const isDesk = (caller: Caller) => caller.roles.some((r) => r === 'reception' || r === 'manager' || r === 'admin')

function slotView(picture: BranchPicture, slot: Slot) {
  return {
    startsAt: new Date(slot.startsAt).toISOString(),
    endsAt: new Date(slot.endsAt).toISOString(),
    date: slot.date,
    time: slot.time,
    photographers: (slot.free.photographer ?? []).map((id) => ({
      id,
      name: nameOf(picture, id),
      surchargeFen: picture.staff.find((s) => s.id === id)?.schedule?.surchargeFen ?? 0,
    })),
  }
}

/** The free times of a package in a branch over some days, with the photographers free at each. */
export async function availability(deps: PolicyPorts & { catalog: CatalogRepository }, input: z.output<typeof op.availability.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  await assertBranch(deps, caller.studioId, input.branchId)
  const pkg = await packageFor(deps, caller.studioId, input.packageId, input.branchId)
  const picture = await branchPicture(deps, caller.studioId, input.branchId, input.from, input.to, ctx.now)
  const slots = slotsFor(picture, {
    from: input.from,
    to: input.to,
    durationMinutes: pkg.shootMinutes,
    needs: pkg.resources,
    photographerId: input.photographerId,
    now: ctx.now,
    ignoreNotice: isDesk(caller),
  })
  return { timeZone: picture.policy.timeZone, slots: slots.map((s) => slotView(picture, s)) }
}
