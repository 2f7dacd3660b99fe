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
  wechatIdentity: (studioId: string, openId: string) => ({ pk: studio(studioId), sk: `OPENID#${openId}` }),
  audit: (studioId: string, entryId: string) => ({ pk: `${studio(studioId)}#AUDIT`, sk: entryId }),
  auditPartition: (studioId: string) => `${studio(studioId)}#AUDIT`,
} as const

/** Entity type tag kept on every item, so backups and migrations can tell items apart. */
export type ItemType = 'Studio' | 'StudioCode' | 'Branch' | 'Staff' | 'Username' | 'Session' | 'Customer' | 'WeChatIdentity' | 'Audit'
