import type { Role } from '../../types/roles'

/** The largest discount the desk may give on its own: the studio's share of the package price, in whole fen. */
export const discountLimitFen = (packagePriceFen: number, limitPercent: number) => Math.floor((packagePriceFen * limitPercent) / 100)

/** Managers and admins may discount beyond the limit. */
export const mayExceedDiscountLimit = (roles: readonly Role[]) => roles.includes('manager') || roles.includes('admin')
