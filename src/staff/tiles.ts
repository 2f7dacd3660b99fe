import type { ComponentType } from 'react'
import {
  Articles,
  Clock,
  Gift,
  Image,
  List,
  Order,
  Photograph,
  Prices,
  Retweet,
  Save,
  Setting,
  ShieldCheck,
  Store,
  User,
  UserAdd,
  Wallet,
  Category,
} from '@nutui/icons-react-taro'
import type { StaffRole } from '../../types/roles'
import { listAudit, listStaff } from '../../types/operations'
import type { Access } from '../access'
import { routes } from '../routes'

/**
 * Who may use the workspaces whose operations are not declared yet. When an operation lands in
 * types/operations.ts, its tile takes the operation's `access` instead, as Staff and Audit log do.
 */
const FRONT_DESK: readonly StaffRole[] = ['reception', 'manager', 'admin']
const SHOOTING: readonly StaffRole[] = ['photographer', 'makeup', 'admin']
const POST_PRODUCTION: readonly StaffRole[] = ['retoucher', 'manager', 'admin']
const FINANCE: readonly StaffRole[] = ['finance', 'manager', 'admin']
const BRANCH_MANAGEMENT: readonly StaffRole[] = ['manager', 'admin']
const STUDIO_ADMINISTRATION: readonly StaffRole[] = ['admin']

export type TileKey =
  | 'customers'
  | 'bookings'
  | 'orders'
  | 'payments'
  | 'myDay'
  | 'myWeek'
  | 'productionQueue'
  | 'paymentAudit'
  | 'expenses'
  | 'reports'
  | 'staff'
  | 'packages'
  | 'inventory'
  | 'auditLog'
  | 'settings'
  | 'import'
  | 'backup'

export type TileSection = 'daily' | 'management' | 'studio'

export interface Tile {
  key: TileKey
  section: TileSection
  icon: ComponentType<{ size?: number | string }>
  access: Access
  /** The page that does the work; without one the tile opens the "coming soon" page. */
  url?: string
}

export const tiles: Tile[] = [
  { key: 'customers', section: 'daily', icon: User, access: FRONT_DESK },
  { key: 'bookings', section: 'daily', icon: Clock, access: FRONT_DESK },
  { key: 'orders', section: 'daily', icon: Order, access: FRONT_DESK },
  { key: 'payments', section: 'daily', icon: Wallet, access: FRONT_DESK },
  { key: 'myDay', section: 'daily', icon: Photograph, access: SHOOTING },
  { key: 'myWeek', section: 'daily', icon: List, access: SHOOTING },
  { key: 'productionQueue', section: 'daily', icon: Image, access: POST_PRODUCTION },
  { key: 'paymentAudit', section: 'daily', icon: ShieldCheck, access: FINANCE },
  { key: 'expenses', section: 'daily', icon: Prices, access: FINANCE },
  { key: 'reports', section: 'management', icon: Category, access: BRANCH_MANAGEMENT },
  { key: 'staff', section: 'management', icon: UserAdd, access: listStaff.access, url: routes.staffMembers },
  { key: 'packages', section: 'management', icon: Gift, access: BRANCH_MANAGEMENT },
  { key: 'inventory', section: 'management', icon: Store, access: BRANCH_MANAGEMENT },
  { key: 'auditLog', section: 'management', icon: Articles, access: listAudit.access, url: routes.auditLog },
  { key: 'settings', section: 'studio', icon: Setting, access: STUDIO_ADMINISTRATION },
  { key: 'import', section: 'studio', icon: Save, access: STUDIO_ADMINISTRATION },
  { key: 'backup', section: 'studio', icon: Retweet, access: STUDIO_ADMINISTRATION },
]

export const tileSections: TileSection[] = ['daily', 'management', 'studio']

export function tileUrl(tile: Tile): string {
  return tile.url ?? `${routes.comingSoon}?feature=${tile.key}`
}
