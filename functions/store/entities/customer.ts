import type { CustomerRecord } from '../../customers/ports'
import { DomainError } from '../../domain/errors'
import { normaliseName } from '../../domain/names'
import { guarded, type TransactionItem } from '../errors'
import { putIfAbsent, type Item } from '../items'
import { keys } from '../keys'

export type Facet = { kind: 'tag' | 'source'; value: string }

export const facetsOf = (c: Pick<CustomerRecord, 'tags' | 'source'>): Facet[] => [
  ...c.tags.map((value) => ({ kind: 'tag' as const, value })),
  ...(c.source ? [{ kind: 'source' as const, value: c.source }] : []),
]
export const sortKey = (c: Pick<CustomerRecord, 'name' | 'id'>) => `${normaliseName(c.name)}#${c.id}`

/** The customer item with its index keys: by name (gsi2) and by the phone's last four digits (gsi1). */
export function customerItem(record: CustomerRecord): Item {
  return {
    ...keys.customer(record.studioId, record.id),
    type: 'Customer',
    gsi2pk: keys.customersByName(record.studioId),
    gsi2sk: sortKey(record),
    ...(record.phone ? { gsi1pk: keys.customersByPhone4(record.studioId, record.phone.slice(-4)), gsi1sk: sortKey(record) } : {}),
    ...record,
  }
}

export const phonePut = (table: string, studioId: string, phone: string, customerId: string) =>
  putIfAbsent(table, { ...keys.phone(studioId, phone), type: 'CustomerPhone', customerId })

export const facetPut = (table: string, c: CustomerRecord, facet: Facet) => ({
  Put: { TableName: table, Item: { pk: keys.customerFacet(c.studioId, facet.kind, facet.value), sk: sortKey(c), type: 'CustomerFacet', customerId: c.id } },
})
export const facetDelete = (table: string, c: Pick<CustomerRecord, 'studioId' | 'name' | 'id'>, facet: Facet) => ({
  Delete: { TableName: table, Key: { pk: keys.customerFacet(c.studioId, facet.kind, facet.value), sk: sortKey(c) } },
})

/** Everything a new customer writes: the profile, its verified phone's key and its facet index items. */
export function customerCreationItems(table: string, record: CustomerRecord): TransactionItem[] {
  // Every conditional item of a creation guards a phone or a new id; a failure means the phone is taken.
  return [
    ...(record.phone && record.phoneVerified ? [guarded(phonePut(table, record.studioId, record.phone, record.id), phoneTaken())] : []),
    guarded(putIfAbsent(table, customerItem(record)), phoneTaken()),
    ...facetsOf(record).map((f) => guarded(facetPut(table, record, f))),
  ]
}

export const phoneTaken = () =>
  new DomainError('PHONE_TAKEN', 'Another customer of this studio has this phone number', { fields: [{ path: 'phone', message: 'belongs to another customer' }] })

