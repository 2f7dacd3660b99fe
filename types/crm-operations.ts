import * as z from 'zod'
import { Empty, IdSchema, IsoDateSchema, PhoneSchema } from './common'
import {
  CustomerFieldsSchema,
  CustomerHistorySchema,
  CustomerSchema,
  FollowUpSchema,
  ImportReportSchema,
  SourceChannelSchema,
  TagSchema,
  TagsSchema,
  followUpOutcomes,
} from './customers'
import { CustomerProfileSchema } from './entities'
import { DisplayNameSchema } from './identity-operations'
import { defineOperation } from './operation'

/** Who works with the customer file. */
export const CRM_ROLES = ['reception', 'finance', 'manager', 'admin'] as const

export const getMyProfile = defineOperation({
  name: 'customers.getMyProfile',
  method: 'GET',
  path: '/me/profile',
  summary: 'The signed-in customer’s own profile',
  tag: 'customers',
  input: Empty,
  output: CustomerProfileSchema,
  access: ['customer'],
})

export const confirmMyPhone = defineOperation({
  name: 'customers.confirmMyPhone',
  method: 'POST',
  path: '/me/phone',
  summary: 'The signed-in customer gives their phone with WeChat’s phone-number button (the code is exchanged on the server)',
  tag: 'customers',
  input: z.strictObject({ code: z.string().trim().min(1).max(256) }),
  // Not confirmed when the number already belongs to another customer of the studio: then it is kept as typed.
  output: z.object({ profile: CustomerProfileSchema, confirmed: z.boolean() }),
  access: ['customer'],
})

export const updateMyProfile = defineOperation({
  name: 'customers.updateMyProfile',
  method: 'PATCH',
  path: '/me/profile',
  summary: 'The signed-in customer edits their own profile',
  tag: 'customers',
  input: z.strictObject({
    name: DisplayNameSchema.optional(),
    phone: PhoneSchema.optional(),
    partnerName: z.string().trim().max(40).optional(),
    weddingDate: IsoDateSchema.optional(),
    birthday: IsoDateSchema.optional(),
  }),
  output: CustomerProfileSchema,
  access: ['customer'],
})

export const getCustomer = defineOperation({
  name: 'customers.get',
  method: 'GET',
  path: '/customers/{customerId}',
  summary: 'A customer, for staff',
  tag: 'customers',
  input: z.strictObject({ customerId: IdSchema }),
  output: CustomerSchema,
  access: ['reception', 'photographer', 'makeup', 'retoucher', 'finance', 'manager', 'admin'],
})

export const createCustomer = defineOperation({
  name: 'customers.create',
  method: 'POST',
  path: '/customers',
  summary: 'Add a customer; the phone is unique within the studio',
  tag: 'customers',
  input: CustomerFieldsSchema,
  output: CustomerSchema,
  access: CRM_ROLES,
})

export const updateCustomer = defineOperation({
  name: 'customers.update',
  method: 'PATCH',
  path: '/customers/{customerId}',
  summary: 'Edit a customer (optimistic lock on version)',
  tag: 'customers',
  input: CustomerFieldsSchema.partial()
    .extend({
      customerId: IdSchema,
      version: z.number().int().min(1),
      partnerName: z.string().trim().max(40).optional(),
      notes: z.string().max(2000).optional(),
      // No default here: an edit that does not mention tags keeps them.
      tags: TagsSchema.optional(),
    })
    .strict(),
  output: CustomerSchema,
  access: CRM_ROLES,
})

export const searchCustomers = defineOperation({
  name: 'customers.search',
  method: 'GET',
  path: '/customers',
  summary: 'Find customers by name prefix, phone (full or last 4 digits), tag or source channel; paged',
  tag: 'customers',
  input: z
    .strictObject({
      q: z.string().trim().max(40).optional().describe('a name prefix, a full phone number, or 4 digits'),
      tag: TagSchema.optional(),
      source: SourceChannelSchema.optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      cursor: z.string().max(2048).optional(),
    }),
  output: z.object({ items: z.array(CustomerSchema), nextCursor: z.string().optional() }),
  access: CRM_ROLES,
})

export const customerHistory = defineOperation({
  name: 'customers.history',
  method: 'GET',
  path: '/customers/{customerId}/history',
  summary: 'A customer’s file: profile, follow-ups, orders, appointments and payments',
  tag: 'customers',
  input: z.strictObject({ customerId: IdSchema }),
  output: CustomerHistorySchema,
  access: CRM_ROLES,
  scope: 'branch',
})

export const createFollowUp = defineOperation({
  name: 'followUps.create',
  method: 'POST',
  path: '/customers/{customerId}/follow-ups',
  summary: 'Plan a follow-up (回访) with a due date and an assignee',
  tag: 'customers',
  input: z.strictObject({
    customerId: IdSchema,
    dueDate: IsoDateSchema,
    note: z.string().trim().min(1).max(500),
    assigneeId: IdSchema.optional(),
  }),
  output: FollowUpSchema,
  access: CRM_ROLES,
})

export const completeFollowUp = defineOperation({
  name: 'followUps.complete',
  method: 'POST',
  path: '/customers/{customerId}/follow-ups/{followUpId}/outcome',
  summary: 'Record how a follow-up went',
  tag: 'customers',
  input: z.strictObject({
    customerId: IdSchema,
    followUpId: IdSchema,
    outcome: z.enum(followUpOutcomes),
    outcomeNote: z.string().trim().max(500).optional(),
  }),
  output: FollowUpSchema,
  access: CRM_ROLES,
})

export const dueFollowUps = defineOperation({
  name: 'followUps.due',
  method: 'GET',
  path: '/follow-ups/due',
  summary: 'Open follow-ups due today or overdue, in the studio’s time zone',
  tag: 'customers',
  input: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(100) }),
  output: z.object({ today: IsoDateSchema, items: z.array(FollowUpSchema) }),
  access: CRM_ROLES,
})

/** The largest CSV the app uploads in one request (the CLI has no such limit). */
export const MAX_IMPORT_BYTES = 180 * 1024

export const importCustomers = defineOperation({
  name: 'customers.import',
  method: 'POST',
  path: '/customers/import',
  summary: 'Import customers from a CSV (UTF-8 or GBK); a dry run reports every bad row and writes nothing',
  tag: 'customers',
  input: z.strictObject({
    fileBase64: z.base64().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, 'the file is too large for the app; use the import script'),
    dryRun: z.boolean(),
  }),
  output: ImportReportSchema,
  access: ['admin'],
})

export const exportCustomers = defineOperation({
  name: 'customers.export',
  method: 'GET',
  path: '/customers/export',
  summary: 'All customers as a CSV that Excel opens correctly',
  tag: 'customers',
  input: z.strictObject({}),
  output: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() }),
  access: ['manager', 'admin'],
})

export const crmOperations = [
  createCustomer,
  updateCustomer,
  searchCustomers,
  customerHistory,
  createFollowUp,
  completeFollowUp,
  dueFollowUps,
  importCustomers,
  exportCustomers,
] as const
