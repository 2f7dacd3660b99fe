import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { Package, PackageCategory, Product } from '../../types/catalog'
import { DomainError, notFound } from '../domain/errors'
import type { Catalog, CatalogRepository } from '../catalog/ports'
import { conditionFailure, guarded, transact } from './errors'
import { Update } from './expressions'
import { entity, queryAll } from './items'
import { keys } from './keys'

const versionCondition = (expectedVersion: number | undefined) =>
  expectedVersion === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      }

const conflict = (what: string) => new DomainError('VERSION_CONFLICT', `Someone else changed this ${what} meanwhile; reload and try again`)

/** A studio's catalog lives in one partition, so the app reads all of it with one query. */
export class DynamoCatalogRepository implements CatalogRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async loadCatalog(studioId: string): Promise<Catalog> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.catalog(studioId) },
      // Edits check versions against what this read returns.
      ConsistentRead: true,
    })
    const of = <T>(type: string) => items.filter((i) => i.type === type).map((i) => entity<T>(i)!)
    return {
      categories: of<{ items: PackageCategory[] }>('Categories')[0]?.items ?? [],
      packages: of<Package>('Package').sort((a, b) => a.sortOrder - b.sortOrder || a.createdAt.localeCompare(b.createdAt)),
      products: of<Product>('Product').sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    }
  }

  async getPackage(studioId: string, packageId: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.catalogPackage(studioId, packageId) }))
    return entity<Package>(Item)
  }

  async getProduct(studioId: string, productId: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.catalogProduct(studioId, productId) }))
    return entity<Product>(Item)
  }

  async saveCategories(studioId: string, categories: PackageCategory[]) {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...keys.catalogCategories(studioId), type: 'Categories', items: categories } }))
  }

  async putPackage(studioId: string, pkg: Package, expectedVersion?: number) {
    try {
      await this.db.send(
        new PutCommand({ TableName: this.table, Item: { ...keys.catalogPackage(studioId, pkg.id), type: 'Package', ...pkg }, ...versionCondition(expectedVersion) }),
      )
    } catch (error) {
      throw conditionFailure(error, expectedVersion === undefined ? new DomainError('CONFLICT', 'This package exists already') : conflict('package'))
    }
  }

  async putProduct(studioId: string, product: Product, expectedVersion?: number) {
    try {
      await this.db.send(
        new PutCommand({ TableName: this.table, Item: { ...keys.catalogProduct(studioId, product.id), type: 'Product', ...product }, ...versionCondition(expectedVersion) }),
      )
    } catch (error) {
      throw conditionFailure(error, expectedVersion === undefined ? new DomainError('CONFLICT', 'This product exists already') : conflict('product'))
    }
  }

  async setPackageOrder(studioId: string, order: { id: string; sortOrder: number }[]) {
    await transact(
      this.db,
      order.map(({ id, sortOrder }) =>
        guarded({ Update: new Update().whenExists('pk', true).set('sortOrder', sortOrder).build(this.table, keys.catalogPackage(studioId, id)) }, notFound('Package')),
      ),
    )
  }
}
