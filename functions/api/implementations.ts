import type { z } from 'zod'
import type { OperationByName, OperationName } from '../../types/operations'
import { getCustomerProfile, getOwnProfile, updateOwnProfile } from '../customers/profile'
import type { IdentityDeps } from '../identity/sign-in'
import { changeOwnPassword, signInStaff, signInWithWeChat, signOut, whoAmI } from '../identity/sign-in'
import {
  createStaffMember,
  getStaffMember,
  listStaffMembers,
  resetStaffMemberPassword,
  setStaffMemberStatus,
  updateStaffMember,
} from '../staff/manage-staff'
import { callerOf, type RequestContext } from './context'

export interface AppDeps extends IdentityDeps {
  stage: string
}

type Implementation<N extends OperationName> = (
  deps: AppDeps,
  input: z.output<OperationByName<N>['input']>,
  ctx: RequestContext,
) => Promise<z.input<OperationByName<N>['output']>>

/** Which use case answers each declared operation. The compiler insists every operation has one. */
export const implementations: { [N in OperationName]: Implementation<N> } = {
  'system.health': async (deps) => ({ ok: true, stage: deps.stage }),
  'auth.staffSignIn': signInStaff,
  'auth.wechatSignIn': signInWithWeChat,
  'auth.signOut': (deps, _input, ctx) => signOut(deps, ctx),
  'auth.me': (deps, _input, ctx) => whoAmI(deps, ctx),
  'auth.changePassword': changeOwnPassword,
  'branches.list': async (deps, _input, ctx) => ({ items: await deps.repo.listBranches(callerOf(ctx).studioId) }),
  'staff.list': listStaffMembers,
  'staff.get': getStaffMember,
  'staff.create': createStaffMember,
  'staff.update': updateStaffMember,
  'staff.setStatus': setStaffMemberStatus,
  'staff.resetPassword': resetStaffMemberPassword,
  'customers.getMyProfile': (deps, _input, ctx) => getOwnProfile(deps, ctx),
  'customers.updateMyProfile': updateOwnProfile,
  'customers.get': getCustomerProfile,
  'audit.list': (deps, input, ctx) => deps.repo.listAudit(callerOf(ctx).studioId, input),
}
