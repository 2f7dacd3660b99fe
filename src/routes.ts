/** Every page of the app, by what it is for. */
export const routes = {
  home: '/pages/index/index',
  orders: '/pages/orders/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  workspace: '/staff/workspace/index',
  staffMembers: '/staff/members/index',
  staffMember: '/staff/member/index',
  changePassword: '/staff/password/index',
  auditLog: '/staff/audit/index',
  comingSoon: '/staff/coming-soon/index',
} as const
