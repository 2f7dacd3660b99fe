import type { DepositRule, Package } from '../../../types/catalog'
import type { resourceKinds } from '../../../types/catalog'
import { parseWhole, parseYuan, yuanText } from '../../lib/money'

type ResourceKind = (typeof resourceKinds)[number]

/** The package form as typed: amounts and counts stay text until the package is saved. */
export interface PackageDraft {
  category: string
  name: string
  description: string
  coverImage: string
  gallery: string[]
  priceYuan: string
  depositKind: DepositRule['kind']
  depositYuan: string
  depositPercent: string
  shootMinutes: string
  resources: ResourceKind[]
  retouchedPhotos: string
  extraPhotoYuan: string
  /** Quantity by product id, for the products the package includes. */
  included: Record<string, number>
  branchIds: string[]
}

export function newDraft(branchIds: string[]): PackageDraft {
  return {
    category: '',
    name: '',
    description: '',
    coverImage: '',
    gallery: [],
    priceYuan: '',
    depositKind: 'percent',
    depositYuan: '',
    depositPercent: '30',
    shootMinutes: '120',
    resources: ['photographer', 'makeup'],
    retouchedPhotos: '',
    extraPhotoYuan: '',
    included: {},
    branchIds,
  }
}

export function draftOf(item: Package): PackageDraft {
  return {
    category: item.category,
    name: item.name,
    description: item.description,
    coverImage: item.coverImage,
    gallery: item.gallery,
    priceYuan: yuanText(item.priceFen),
    depositKind: item.deposit.kind,
    depositYuan: item.deposit.kind === 'amount' ? yuanText(item.deposit.amountFen) : '',
    depositPercent: item.deposit.kind === 'percent' ? String(item.deposit.percent) : '',
    shootMinutes: String(item.shootMinutes),
    resources: item.resources,
    retouchedPhotos: String(item.retouchedPhotos),
    extraPhotoYuan: yuanText(item.extraPhotoPriceFen),
    included: Object.fromEntries(item.includedProducts.map((product) => [product.productId, product.quantity])),
    branchIds: item.branchIds,
  }
}

/**
 * The package's fields from the form. Text that is not an amount or a count becomes NaN, which the
 * operation's own schema refuses before anything is sent, so it is reported beside its field
 * together with every other mistake in the form.
 */
export function fieldsOf(draft: PackageDraft) {
  const number = (value: number | undefined) => value ?? Number.NaN
  const deposit: DepositRule =
    draft.depositKind === 'amount'
      ? { kind: 'amount', amountFen: number(parseYuan(draft.depositYuan)) }
      : { kind: 'percent', percent: number(parseWhole(draft.depositPercent)) }
  return {
    category: draft.category,
    name: draft.name,
    description: draft.description,
    coverImage: draft.coverImage,
    gallery: draft.gallery.map((image) => image.trim()).filter(Boolean),
    priceFen: number(parseYuan(draft.priceYuan)),
    deposit,
    shootMinutes: number(parseWhole(draft.shootMinutes)),
    resources: draft.resources,
    retouchedPhotos: number(parseWhole(draft.retouchedPhotos)),
    extraPhotoPriceFen: number(parseYuan(draft.extraPhotoYuan)),
    includedProducts: Object.entries(draft.included).map(([productId, quantity]) => ({ productId, quantity })),
    branchIds: draft.branchIds,
  }
}
