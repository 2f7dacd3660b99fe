import type { PackageCategory } from '../../types/catalog'
import type { FieldIssue } from '../../types/errors'
import { depositFen } from './money'

/** Categories a new studio starts with; the studio edits the list. */
export const DEFAULT_CATEGORIES: PackageCategory[] = [
  { code: 'wedding', name: '婚纱照', nameEn: 'Wedding' },
  { code: 'portrait', name: '个人写真', nameEn: 'Portrait' },
  { code: 'family', name: '全家福', nameEn: 'Family' },
  { code: 'kids', name: '儿童照', nameEn: 'Kids' },
  { code: 'maternity', name: '孕妇照', nameEn: 'Maternity' },
  { code: 'couple', name: '情侣照', nameEn: 'Couple' },
]

export interface PackageDraft {
  category: string
  priceFen: number
  deposit: Parameters<typeof depositFen>[1]
  branchIds: string[]
  includedProducts: { productId: string }[]
}

/** What is wrong with a package against the studio it belongs to; empty when it may be saved. */
export function packageIssues(
  draft: PackageDraft,
  studio: { categories: string[]; branchIds: string[]; productIds: string[] },
): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (!studio.categories.includes(draft.category)) issues.push({ path: 'category', message: 'is not one of the studio’s categories' })
  if (depositFen(draft.priceFen, draft.deposit) > draft.priceFen) issues.push({ path: 'deposit.amountFen', message: 'must not be above the price' })
  draft.branchIds.forEach((id, i) => {
    if (!studio.branchIds.includes(id)) issues.push({ path: `branchIds.${i}`, message: 'is not a branch of this studio' })
  })
  draft.includedProducts.forEach((p, i) => {
    if (!studio.productIds.includes(p.productId)) issues.push({ path: `includedProducts.${i}.productId`, message: 'is not a product of this studio' })
  })
  return issues
}
