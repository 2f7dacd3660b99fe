import type { Package, PackageCategory, Product } from '../../types/catalog'

export interface Catalog {
  categories: PackageCategory[]
  packages: Package[]
  products: Product[]
}

export interface CatalogRepository {
  /** The whole catalog of a studio in one query: categories, packages and products. */
  loadCatalog(studioId: string): Promise<Catalog>
  /** One package, by its key. */
  getPackage(studioId: string, packageId: string): Promise<Package | undefined>
  getProduct(studioId: string, productId: string): Promise<Product | undefined>
  saveCategories(studioId: string, categories: PackageCategory[]): Promise<void>
  /** Creates when `expectedVersion` is undefined; otherwise fails with VERSION_CONFLICT unless the stored version matches. */
  putPackage(studioId: string, pkg: Package, expectedVersion?: number): Promise<void>
  putProduct(studioId: string, product: Product, expectedVersion?: number): Promise<void>
  /** Sets every package's position in one transaction. */
  setPackageOrder(studioId: string, order: { id: string; sortOrder: number }[]): Promise<void>
}

/** The studio's stock items, which bills of materials may name. */
export interface MaterialDirectory {
  load(studioId: string): Promise<{ items: { id: string }[] }>
}
