import type { z } from 'zod'
import { ulid } from 'ulid'
import type { Package, Product } from '../../types/catalog'
import type * as op from '../../types/catalog-operations'
import type { Material } from '../../types/inventory'
import { DEFAULT_CATEGORIES, packageIssues } from '../domain/catalog'
import { materialIssues } from '../domain/stock'
import { DomainError, notFound } from '../domain/errors'
import { depositFen } from '../domain/money'
import { callerOf, type Caller, type RequestContext } from '../domain/context'
import { assertMayChangeAcross } from '../domain/permissions'
import type { IdentityRepository } from '../identity/ports'
import type { CatalogRepository, MaterialDirectory } from './ports'

export interface CatalogPorts {
  catalog: CatalogRepository
  repo: IdentityRepository
  stock: MaterialDirectory
}

/** Refuses a bill of materials naming anything but the studio's own stock items. */
async function checkMaterials(deps: CatalogPorts, studioId: string, materials: readonly Material[]) {
  if (!materials.length) return
  const { items } = await deps.stock.load(studioId)
  const issues = materialIssues(materials, new Set(items.map((i) => i.id)))
  if (issues.length) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: issues })
}

const staleVersion = (what: string) => new DomainError('VERSION_CONFLICT', `Someone else changed this ${what} meanwhile; reload and try again`)

const mayEdit = (caller: Caller) => caller.roles.includes('manager') || caller.roles.includes('admin')

async function catalogOf(deps: CatalogPorts, studioId: string) {
  const catalog = await deps.catalog.loadCatalog(studioId)
  return { ...catalog, categories: catalog.categories.length ? catalog.categories : DEFAULT_CATEGORIES }
}

export async function listCategories(deps: CatalogPorts, _input: z.output<typeof op.listCategories.input>, ctx: RequestContext) {
  return { items: (await catalogOf(deps, callerOf(ctx).studioId)).categories }
}

export async function saveCategories(deps: CatalogPorts, input: z.output<typeof op.saveCategories.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { packages } = await catalogOf(deps, caller.studioId)
  const codes = input.items.map((c) => c.code)
  const inUse = [...new Set(packages.map((p) => p.category))].filter((c) => !codes.includes(c))
  if (inUse.length) {
    throw new DomainError('PRECONDITION_FAILED', `Categories still used by packages cannot be removed: ${inUse.join(', ')}`)
  }
  await deps.catalog.saveCategories(caller.studioId, input.items)
  return { items: input.items }
}

/** Customers see what is on sale in a branch; managers and admins may ask for everything. */
export async function listPackages(deps: CatalogPorts, input: z.output<typeof op.listPackages.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const showInactive = input.includeInactive && mayEdit(caller)
  const { packages } = await catalogOf(deps, caller.studioId)
  return {
    items: packages.filter(
      (p) =>
        (showInactive || p.active) &&
        (!input.branchId || p.branchIds.includes(input.branchId)) &&
        (!input.category || p.category === input.category),
    ),
  }
}

export async function getPackage(deps: CatalogPorts, input: z.output<typeof op.getPackage.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { packages, products } = await catalogOf(deps, caller.studioId)
  const pkg = packages.find((p) => p.id === input.packageId)
  if (!pkg || (!pkg.active && !mayEdit(caller))) throw notFound('Package')
  const included = pkg.includedProducts.flatMap((item) => {
    const product = products.find((p) => p.id === item.productId)
    return product ? [{ product, quantity: item.quantity }] : []
  })
  return { ...pkg, included }
}

async function checkPackage(deps: CatalogPorts, studioId: string, fields: z.output<typeof op.createPackage.input>) {
  const [catalog, branches] = await Promise.all([catalogOf(deps, studioId), deps.repo.listBranches(studioId)])
  const issues = packageIssues(fields, {
    categories: catalog.categories.map((c) => c.code),
    branchIds: branches.map((b) => b.id),
    productIds: catalog.products.map((p) => p.id),
  })
  if (issues.length) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: issues })
  await checkMaterials(deps, studioId, fields.materials)
  return catalog
}

/** A package reaches the branches it is sold in: a manager creates and changes only those sold in their own branch alone. */
export async function createPackage(deps: CatalogPorts, input: z.output<typeof op.createPackage.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const catalog = await checkPackage(deps, caller.studioId, input)
  assertMayChangeAcross(caller, input.branchIds)
  const now = ctx.now.toISOString()
  const pkg: Package = {
    ...input,
    id: ulid(ctx.now.getTime()),
    depositFen: depositFen(input.priceFen, input.deposit),
    active: true,
    sortOrder: catalog.packages.reduce((max, p) => Math.max(max, p.sortOrder), 0) + 1,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  await deps.catalog.putPackage(caller.studioId, pkg)
  return pkg
}

export async function updatePackage(deps: CatalogPorts, input: z.output<typeof op.updatePackage.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { packageId, version, ...fields } = input
  const catalog = await checkPackage(deps, caller.studioId, fields)
  const current = catalog.packages.find((p) => p.id === packageId)
  if (!current) throw notFound('Package')
  assertMayChangeAcross(caller, [...new Set([...current.branchIds, ...fields.branchIds])])
  if (current.version !== version) throw staleVersion('package')
  const pkg: Package = {
    ...current,
    ...fields,
    depositFen: depositFen(fields.priceFen, fields.deposit),
    version: version + 1,
    updatedAt: ctx.now.toISOString(),
  }
  await deps.catalog.putPackage(caller.studioId, pkg, version)
  return pkg
}

export async function setPackageActive(deps: CatalogPorts, input: z.output<typeof op.setPackageActive.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const current = (await catalogOf(deps, caller.studioId)).packages.find((p) => p.id === input.packageId)
  if (!current) throw notFound('Package')
  assertMayChangeAcross(caller, current.branchIds)
  if (current.active === input.active) return current
  const pkg = { ...current, active: input.active, version: current.version + 1, updatedAt: ctx.now.toISOString() }
  await deps.catalog.putPackage(caller.studioId, pkg, current.version)
  return pkg
}

export async function reorderPackages(deps: CatalogPorts, input: z.output<typeof op.reorderPackages.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { packages } = await catalogOf(deps, caller.studioId)
  const unknown = input.packageIds.filter((id) => !packages.some((p) => p.id === id))
  if (unknown.length) throw notFound('Package')
  // Packages left out keep their relative order after the ones named.
  const rest = packages.filter((p) => !input.packageIds.includes(p.id)).map((p) => p.id)
  const order = [...input.packageIds, ...rest].map((id, i) => ({ id, sortOrder: i + 1 }))
  await deps.catalog.setPackageOrder(caller.studioId, order)
  return { items: (await catalogOf(deps, caller.studioId)).packages }
}

export async function listProducts(deps: CatalogPorts, input: z.output<typeof op.listProducts.input>, ctx: RequestContext) {
  const { products } = await catalogOf(deps, callerOf(ctx).studioId)
  return { items: products.filter((p) => input.includeInactive || p.active) }
}

export async function createProduct(deps: CatalogPorts, input: z.output<typeof op.createProduct.input>, ctx: RequestContext) {
  await checkMaterials(deps, callerOf(ctx).studioId, input.materials)
  const now = ctx.now.toISOString()
  const product: Product = { ...input, id: ulid(ctx.now.getTime()), active: true, version: 1, createdAt: now, updatedAt: now }
  await deps.catalog.putProduct(callerOf(ctx).studioId, product)
  return product
}

export async function updateProduct(deps: CatalogPorts, input: z.output<typeof op.updateProduct.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { productId, version, ...fields } = input
  await checkMaterials(deps, caller.studioId, fields.materials)
  const current = (await catalogOf(deps, caller.studioId)).products.find((p) => p.id === productId)
  if (!current) throw notFound('Product')
  if (current.version !== version) throw staleVersion('product')
  const product: Product = { ...current, ...fields, version: version + 1, updatedAt: ctx.now.toISOString() }
  await deps.catalog.putProduct(caller.studioId, product, version)
  return product
}
