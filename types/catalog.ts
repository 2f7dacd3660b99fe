import * as z from 'zod'
import { IdSchema, IsoDateTimeSchema } from './common'
import { MaterialSchema, MaterialsSchema } from './inventory'
import { FenSchema } from './money'

export const CategoryCodeSchema = z.string().trim().regex(/^[a-z][a-z0-9_]{1,23}$/, 'must be a category code')

export const PackageCategorySchema = z.object({
  code: CategoryCodeSchema,
  name: z.string().trim().min(1).max(20),
  nameEn: z.string().trim().min(1).max(30),
})
export type PackageCategory = z.infer<typeof PackageCategorySchema>

/**
 * An image reference: an https URL or a path the studio's own media server answers,
 * ending in an image type. Anything else (a PDF, a script URL, a data URI) is not an image.
 */
export const ImageRefSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^(https:\/\/[^\s"'<>]+|\/media\/[\w./-]+)\.(jpe?g|png|webp|gif)(\?[^\s"'<>]*)?$/i, 'must be an image (https URL or /media/ path of a .jpg, .png, .webp or .gif)')

export const DepositRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('amount'), amountFen: FenSchema }),
  z.strictObject({ kind: z.literal('percent'), percent: z.number().int().min(1).max(100) }),
])
export type DepositRule = z.infer<typeof DepositRuleSchema>

export const resourceKinds = ['photographer', 'makeup', 'room'] as const
export const ResourceKindSchema = z.enum(resourceKinds)

export const IncludedProductSchema = z.strictObject({ productId: IdSchema, quantity: z.number().int().min(1).max(99) })

/** What a manager fills in for a package (套系). */
export const PackageFieldsSchema = z.strictObject({
  category: CategoryCodeSchema,
  name: z.string().trim().min(1).max(40),
  description: z.string().trim().max(2000).default(''),
  coverImage: ImageRefSchema,
  gallery: z.array(ImageRefSchema).max(12).default([]),
  priceFen: FenSchema.refine((v) => v > 0, 'must be above zero'),
  deposit: DepositRuleSchema,
  shootMinutes: z.number().int().min(15, 'must be at least 15 minutes').max(12 * 60),
  resources: z
    .array(ResourceKindSchema)
    .min(1)
    .refine((r) => new Set(r).size === r.length, 'must not repeat a resource'),
  retouchedPhotos: z.number().int().min(0).max(1000),
  extraPhotoPriceFen: FenSchema,
  includedProducts: z.array(IncludedProductSchema).max(20).default([]),
  /** The materials the package itself uses beyond its products (album box, retouched-photo USB…). */
  materials: MaterialsSchema.default([]),
  branchIds: z.array(IdSchema).min(1, 'must be sold in at least one branch'),
})

export const PackageSchema = z.object({
  id: IdSchema,
  category: CategoryCodeSchema,
  name: z.string(),
  description: z.string(),
  coverImage: ImageRefSchema,
  gallery: z.array(ImageRefSchema),
  priceFen: FenSchema,
  deposit: DepositRuleSchema,
  depositFen: FenSchema,
  shootMinutes: z.number().int(),
  resources: z.array(ResourceKindSchema),
  retouchedPhotos: z.number().int(),
  extraPhotoPriceFen: FenSchema,
  includedProducts: z.array(IncludedProductSchema),
  materials: z.array(MaterialSchema).default([]),
  branchIds: z.array(IdSchema),
  active: z.boolean(),
  sortOrder: z.number().int(),
  version: z.number().int(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
})
export type Package = z.infer<typeof PackageSchema>

export const ProductFieldsSchema = z.strictObject({
  name: z.string().trim().min(1).max(40),
  priceFen: FenSchema,
  unit: z.string().trim().min(1).max(8),
  consumesStock: z.boolean(),
  /** The materials one of it uses (its bill of materials), taken from stock when its order enters 制作. */
  materials: MaterialsSchema.default([]),
})

export const ProductSchema = z.object({
  id: IdSchema,
  name: z.string(),
  priceFen: FenSchema,
  unit: z.string(),
  consumesStock: z.boolean(),
  materials: z.array(MaterialSchema).default([]),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
})
export type Product = z.infer<typeof ProductSchema>

/** A package as a customer reads it: its included products spelled out. */
export const PackageDetailSchema = PackageSchema.extend({
  included: z.array(z.object({ product: ProductSchema, quantity: z.number().int() })),
})
