/**
 * Every key of the single table is built here. Each partition key starts with the
 * studio (tenant) id, so no query can ever reach into another studio's data.
 */
const studio = (studioId: string) => `STUDIO#${studioId}`

export const keys = {
  studioCode: (code: string) => ({ pk: `STUDIOCODE#${code}`, sk: 'STUDIOCODE' }),
  studio: (studioId: string) => ({ pk: studio(studioId), sk: 'STUDIO' }),
  branch: (studioId: string, branchId: string) => ({ pk: studio(studioId), sk: `BRANCH#${branchId}` }),
  branchPrefix: 'BRANCH#',
  staff: (studioId: string, staffId: string) => ({ pk: studio(studioId), sk: `STAFF#${staffId}` }),
  staffPrefix: 'STAFF#',
  /** Staff by branch: gsi1. */
  staffByBranch: (studioId: string, branchId: string) => `${studio(studioId)}#BRANCH#${branchId}#STAFF`,
  username: (studioId: string, username: string) => ({ pk: studio(studioId), sk: `USERNAME#${username}` }),
  session: (studioId: string, sessionId: string) => ({ pk: `${studio(studioId)}#SESSION#${sessionId}`, sk: 'SESSION' }),
  customer: (studioId: string, customerId: string) => ({ pk: `${studio(studioId)}#CUSTOMER#${customerId}`, sk: 'PROFILE' }),
  customerPartition: (studioId: string, customerId: string) => `${studio(studioId)}#CUSTOMER#${customerId}`,
  phone: (studioId: string, phone: string) => ({ pk: studio(studioId), sk: `PHONE#${phone}` }),
  /** Customers by the last four digits of their phone: gsi1. */
  customersByPhone4: (studioId: string, last4: string) => `${studio(studioId)}#PHONE4#${last4}`,
  /** Customers by name: gsi2, sorted by the normalised name. */
  customersByName: (studioId: string) => `${studio(studioId)}#CUSTOMERS`,
  /** Index items listing the customers with a tag or a source channel. */
  customerFacet: (studioId: string, kind: 'tag' | 'source', value: string) => `${studio(studioId)}#FACET#${kind}#${value}`,
  followUp: (studioId: string, customerId: string, followUpId: string) => ({
    pk: `${studio(studioId)}#CUSTOMER#${customerId}`,
    sk: `FOLLOWUP#${followUpId}`,
  }),
  /** Open follow-ups by due date: gsi1, sparse (done ones leave it). */
  openFollowUps: (studioId: string) => `${studio(studioId)}#FOLLOWUPS#OPEN`,
  catalog: (studioId: string) => `${studio(studioId)}#CATALOG`,
  catalogPackage: (studioId: string, packageId: string) => ({ pk: `${studio(studioId)}#CATALOG`, sk: `PACKAGE#${packageId}` }),
  catalogProduct: (studioId: string, productId: string) => ({ pk: `${studio(studioId)}#CATALOG`, sk: `PRODUCT#${productId}` }),
  catalogCategories: (studioId: string) => ({ pk: `${studio(studioId)}#CATALOG`, sk: 'CATEGORIES' }),
  wechatIdentity: (studioId: string, openId: string) => ({ pk: studio(studioId), sk: `OPENID#${openId}` }),
  audit: (studioId: string, entryId: string) => ({ pk: `${studio(studioId)}#AUDIT`, sk: entryId }),
  auditPartition: (studioId: string) => `${studio(studioId)}#AUDIT`,
} as const

/** Entity type tag kept on every item, so backups and migrations can tell items apart. */
export type ItemType =
  | 'Studio'
  | 'StudioCode'
  | 'Branch'
  | 'Staff'
  | 'Username'
  | 'Session'
  | 'Customer'
  | 'CustomerPhone'
  | 'CustomerFacet'
  | 'FollowUp'
  | 'WeChatIdentity'
  | 'Package'
  | 'Product'
  | 'Categories'
  | 'Audit'
