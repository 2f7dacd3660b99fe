import * as z from 'zod'
import { IdSchema } from './common'
import {
  PackageCategorySchema,
  PackageDetailSchema,
  PackageFieldsSchema,
  PackageSchema,
  ProductFieldsSchema,
  ProductSchema,
  CategoryCodeSchema,
} from './catalog'
import { defineOperation } from './operation'
import { ANY_STAFF } from './roles'

const CATALOG_EDITORS = ['manager', 'admin'] as const
const EVERYONE = ['customer', ...ANY_STAFF] as const
const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true')

export const listCategories = defineOperation({
  name: 'catalog.listCategories',
  method: 'GET',
  path: '/catalog/categories',
  summary: 'The studio’s package categories',
  tag: 'catalog',
  input: z.strictObject({}),
  output: z.object({ items: z.array(PackageCategorySchema) }),
  access: EVERYONE,
})

export const saveCategories = defineOperation({
  name: 'catalog.saveCategories',
  method: 'PUT',
  path: '/catalog/categories',
  summary: 'Replace the list of package categories (a category in use cannot be removed)',
  tag: 'catalog',
  input: z.strictObject({
    items: z
      .array(PackageCategorySchema.strict())
      .min(1)
      .max(30)
      .refine((c) => new Set(c.map((x) => x.code)).size === c.length, 'must not repeat a code'),
  }),
  output: z.object({ items: z.array(PackageCategorySchema) }),
  access: CATALOG_EDITORS,
})

export const listPackages = defineOperation({
  name: 'catalog.listPackages',
  method: 'GET',
  path: '/catalog/packages',
  summary: 'Packages of a branch, in the studio’s order (customers see active ones only)',
  tag: 'catalog',
  input: z.strictObject({ branchId: IdSchema.optional(), category: CategoryCodeSchema.optional(), includeInactive: flag }),
  output: z.object({ items: z.array(PackageSchema) }),
  access: EVERYONE,
})

export const getPackage = defineOperation({
  name: 'catalog.getPackage',
  method: 'GET',
  path: '/catalog/packages/{packageId}',
  summary: 'One package with what it includes',
  tag: 'catalog',
  input: z.strictObject({ packageId: IdSchema }),
  output: PackageDetailSchema,
  access: EVERYONE,
})

export const createPackage = defineOperation({
  name: 'catalog.createPackage',
  method: 'POST',
  path: '/catalog/packages',
  summary: 'Create a package (套系); a manager, one sold in their own branch alone',
  tag: 'catalog',
  input: PackageFieldsSchema,
  output: PackageSchema,
  access: CATALOG_EDITORS,
})

export const updatePackage = defineOperation({
  name: 'catalog.updatePackage',
  method: 'PUT',
  path: '/catalog/packages/{packageId}',
  summary: 'Replace a package’s fields (optimistic lock on version); orders already made keep their snapshot. A manager changes only a package sold in their own branch alone',
  tag: 'catalog',
  input: PackageFieldsSchema.extend({ packageId: IdSchema, version: z.number().int().min(1) }),
  output: PackageSchema,
  access: CATALOG_EDITORS,
})

export const setPackageActive = defineOperation({
  name: 'catalog.setPackageActive',
  method: 'POST',
  path: '/catalog/packages/{packageId}/active',
  summary: 'Put a package on sale or take it off (a manager, one sold in their own branch alone)',
  tag: 'catalog',
  input: z.strictObject({ packageId: IdSchema, active: z.boolean() }),
  output: PackageSchema,
  access: CATALOG_EDITORS,
})

export const reorderPackages = defineOperation({
  name: 'catalog.reorderPackages',
  method: 'PUT',
  path: '/catalog/package-order',
  summary: 'Set the order packages are shown in',
  tag: 'catalog',
  input: z.strictObject({
    packageIds: z
      .array(IdSchema)
      .min(1)
      .max(99)
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a package'),
  }),
  output: z.object({ items: z.array(PackageSchema) }),
  access: CATALOG_EDITORS,
})

export const listProducts = defineOperation({
  name: 'catalog.listProducts',
  method: 'GET',
  path: '/catalog/products',
  summary: 'Add-on products',
  tag: 'catalog',
  input: z.strictObject({ includeInactive: flag }),
  output: z.object({ items: z.array(ProductSchema) }),
  access: ANY_STAFF,
})

export const createProduct = defineOperation({
  name: 'catalog.createProduct',
  method: 'POST',
  path: '/catalog/products',
  summary: 'Create an add-on product',
  tag: 'catalog',
  input: ProductFieldsSchema,
  output: ProductSchema,
  access: CATALOG_EDITORS,
})

export const updateProduct = defineOperation({
  name: 'catalog.updateProduct',
  method: 'PUT',
  path: '/catalog/products/{productId}',
  summary: 'Replace an add-on product’s fields, or take it off sale (optimistic lock on version)',
  tag: 'catalog',
  input: ProductFieldsSchema.extend({ productId: IdSchema, version: z.number().int().min(1), active: z.boolean() }),
  output: ProductSchema,
  access: CATALOG_EDITORS,
})

export const catalogOperations = [
  listCategories,
  saveCategories,
  listPackages,
  getPackage,
  createPackage,
  updatePackage,
  setPackageActive,
  reorderPackages,
  listProducts,
  createProduct,
  updateProduct,
] as const
