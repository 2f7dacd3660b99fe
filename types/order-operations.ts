import * as z from 'zod'
import { IdSchema, PageQuerySchema, RequestIdSchema } from './common'
import { defineOperation } from './operation'
import {
  AddOnInputSchema,
  OrderDetailSchema,
  OrderSchema,
  OrderSettingsSchema,
  OrderStageSchema,
  OrderSummarySchema,
  OrderSummaryViewSchema,
  OrderViewSchema,
  PhotoKindSchema,
  PhotoSchema,
  SelectionSchema,
  WorkOrderDetailSchema,
} from './orders'
import { FenSchema } from './money'
import { ANY_STAFF, MONEY_DESK, SEES_MONEY, STUDIO_SETTINGS_EDITORS } from './roles'

const DESK = ['reception', 'manager', 'admin'] as const
const PRODUCTION = ['reception', 'photographer', 'retoucher', 'manager', 'admin'] as const
const OrderRef = z.strictObject({ orderId: IdSchema })

export const getOrderSettings = defineOperation({
  name: 'orders.getSettings',
  method: 'GET',
  path: '/settings/orders',
  summary: 'Expected days per stage and the discount limit',
  tag: 'orders',
  input: z.strictObject({}),
  output: OrderSettingsSchema,
  access: ANY_STAFF,
})

export const saveOrderSettings = defineOperation({
  name: 'orders.saveSettings',
  method: 'PUT',
  path: '/settings/orders',
  summary: 'Set expected days per stage and the discount limit (every branch’s: the admin’s, audited)',
  tag: 'orders',
  input: OrderSettingsSchema,
  output: OrderSettingsSchema,
  access: STUDIO_SETTINGS_EDITORS,
})

export const createOrder = defineOperation({
  name: 'orders.create',
  method: 'POST',
  path: '/orders',
  summary: 'Open an order for a customer at the desk (the shoot can be booked on it later)',
  tag: 'orders',
  input: z.strictObject({
    requestId: RequestIdSchema,
    customerId: IdSchema,
    packageId: IdSchema,
    branchId: IdSchema.optional(),
    addOns: z.array(AddOnInputSchema).max(20).default([]),
    discountFen: FenSchema.default(0),
    discountReason: z.string().trim().max(100).optional(),
    notes: z.string().trim().max(500).optional(),
  }),
  output: OrderSchema,
  access: DESK,
  scope: 'branch',
})

export const myOrders = defineOperation({
  name: 'orders.mine',
  method: 'GET',
  path: '/me/orders',
  summary: 'The signed-in customer’s orders, newest first',
  tag: 'orders',
  input: z.strictObject({}),
  output: z.object({ items: z.array(OrderSummarySchema) }),
  access: ['customer'],
})

export const getOrder = defineOperation({
  name: 'orders.get',
  method: 'GET',
  path: '/orders/{orderId}',
  summary: 'An order with its timeline and payments',
  tag: 'orders',
  input: OrderRef,
  output: OrderDetailSchema,
  access: SEES_MONEY,
  scope: 'branch',
})

export const getWorkOrder = defineOperation({
  name: 'orders.getWork',
  method: 'GET',
  path: '/orders/{orderId}/work',
  summary: 'An order as the crew works it: package, photos, selection, timeline and notes, without any amount',
  tag: 'orders',
  input: OrderRef,
  output: WorkOrderDetailSchema,
  access: [...PRODUCTION, 'makeup'],
  scope: 'branch',
})

export const listOrders = defineOperation({
  name: 'orders.list',
  method: 'GET',
  path: '/orders',
  summary: 'Orders in a stage, the most pressing first',
  tag: 'orders',
  input: PageQuerySchema.extend({ stage: OrderStageSchema }),
  output: z.object({ items: z.array(OrderSummaryViewSchema), nextCursor: z.string().optional() }),
  access: ANY_STAFF,
  scope: 'branch',
})

export const customerOrders = defineOperation({
  name: 'orders.ofCustomer',
  method: 'GET',
  path: '/customers/{customerId}/orders',
  summary: 'A customer’s orders, for the desk',
  tag: 'orders',
  input: z.strictObject({ customerId: IdSchema }),
  output: z.object({ items: z.array(OrderSummarySchema) }),
  access: MONEY_DESK,
  scope: 'branch',
})

export const overdueOrders = defineOperation({
  name: 'orders.overdue',
  method: 'GET',
  path: '/orders/overdue',
  summary: 'Orders past their stage’s expected date, per stage',
  tag: 'orders',
  input: z.strictObject({}),
  output: z.object({ asOf: z.string(), stages: z.array(z.object({ stage: OrderStageSchema, items: z.array(OrderSummarySchema) })) }),
  access: ['manager', 'admin'],
  scope: 'branch',
})

export const productionQueue = defineOperation({
  name: 'orders.queue',
  method: 'GET',
  path: '/production/queue',
  summary: 'Orders in post-production (retouching, design, proofing, lab, pickup)',
  tag: 'orders',
  input: z.strictObject({}),
  output: z.object({ stages: z.array(z.object({ stage: OrderStageSchema, items: z.array(OrderSummaryViewSchema) })) }),
  access: PRODUCTION,
  scope: 'branch',
})

export const advanceOrder = defineOperation({
  name: 'orders.advance',
  method: 'POST',
  path: '/orders/{orderId}/advance',
  summary: 'Move an order to its next stage (or cancel it), as the stage’s role allows',
  tag: 'orders',
  input: z.strictObject({ orderId: IdSchema, to: OrderStageSchema, from: OrderStageSchema, note: z.string().trim().max(200).optional() }),
  output: OrderViewSchema,
  access: ANY_STAFF,
  scope: 'branch',
})

export const updateOrder = defineOperation({
  name: 'orders.update',
  method: 'PATCH',
  path: '/orders/{orderId}',
  summary: 'Change add-ons, discount or notes; `version` must be the one read',
  tag: 'orders',
  input: z.strictObject({
    orderId: IdSchema,
    version: z.number().int().min(1),
    addOns: z.array(AddOnInputSchema).max(20).optional(),
    discountFen: FenSchema.optional(),
    discountReason: z.string().trim().max(100).optional(),
    notes: z.string().trim().max(500).optional(),
  }),
  output: OrderSchema,
  access: DESK,
  scope: 'branch',
})

export const takeOrder = defineOperation({
  name: 'orders.take',
  method: 'POST',
  path: '/orders/{orderId}/take',
  summary: 'A retoucher or designer takes an order in their stage',
  tag: 'orders',
  input: OrderRef,
  output: OrderViewSchema,
  access: ['retoucher', 'manager', 'admin'],
  scope: 'branch',
})

export const sendToLab = defineOperation({
  name: 'orders.sendToLab',
  method: 'POST',
  path: '/orders/{orderId}/lab',
  summary: 'Record that the album and prints went to the lab',
  tag: 'orders',
  input: OrderRef,
  output: OrderViewSchema,
  access: ['reception', 'retoucher', 'manager', 'admin'],
  scope: 'branch',
})

export const prepareUploads = defineOperation({
  name: 'photos.prepareUploads',
  method: 'POST',
  path: '/orders/{orderId}/photos/uploads',
  summary: 'Upload links for proofs or album design pages (JPEG/PNG/WebP, 20 MB each)',
  tag: 'photos',
  input: z.strictObject({
    orderId: IdSchema,
    kind: PhotoKindSchema,
    files: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1).max(80),
          contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
        }),
      )
      .min(1)
      .max(50),
  }),
  output: z.object({
    items: z.array(
      z.object({
        photoId: IdSchema,
        name: z.string(),
        upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()), fileField: z.string(), expiresAt: z.string() }),
      }),
    ),
  }),
  access: PRODUCTION,
  scope: 'branch',
})

export const listPhotos = defineOperation({
  name: 'photos.list',
  method: 'GET',
  path: '/orders/{orderId}/photos',
  summary: 'Uploaded proofs and design pages, with the current selection',
  tag: 'photos',
  input: z.strictObject({ orderId: IdSchema, kind: PhotoKindSchema.default('proof') }),
  output: z.object({
    items: z.array(PhotoSchema),
    /** The amounts are absent for a role that sees no money. */
    selection: SelectionSchema.partial({ extraFen: true }),
    included: z.number().int(),
    extraPhotoPriceFen: z.number().int().optional(),
    locked: z.boolean(),
  }),
  access: ['customer', ...PRODUCTION],
  scope: 'branch',
})

export const removePhoto = defineOperation({
  name: 'photos.remove',
  method: 'DELETE',
  path: '/orders/{orderId}/photos/{photoId}',
  summary: 'Take a proof or design page away before the selection is confirmed',
  tag: 'photos',
  input: z.strictObject({ orderId: IdSchema, photoId: IdSchema }),
  output: z.object({ ok: z.literal(true) }),
  access: PRODUCTION,
  scope: 'branch',
})

export const saveSelection = defineOperation({
  name: 'selection.save',
  method: 'PUT',
  path: '/orders/{orderId}/selection',
  summary: 'Keep the photos picked so far (not yet final)',
  tag: 'photos',
  input: z.strictObject({ orderId: IdSchema, photoIds: z.array(IdSchema).max(2000) }),
  output: SelectionSchema,
  access: ['customer', ...DESK],
  scope: 'branch',
})

export const confirmSelection = defineOperation({
  name: 'selection.confirm',
  method: 'POST',
  path: '/orders/{orderId}/selection/confirm',
  summary: 'Lock the selection: extra photos become an add-on and retouching begins',
  tag: 'photos',
  input: z.strictObject({ orderId: IdSchema, photoIds: z.array(IdSchema).min(1).max(2000) }),
  output: OrderSchema,
  access: ['customer', ...DESK],
  scope: 'branch',
})

/** One photo of a confirmed selection, as the retoucher looks for it: its number on the proof sheet and its file name. */
export const SelectedPhotoSchema = z.object({
  photoId: IdSchema,
  /** Its place among the order's proofs, from 1, as the customer saw it when selecting. */
  number: z.number().int(),
  name: z.string(),
  thumbUrl: z.string(),
  previewUrl: z.string(),
  /** The original as uploaded, to download on purpose. */
  url: z.string(),
  /** Picked beyond what the package includes (加选). */
  extra: z.boolean(),
})

export const selectedPhotos = defineOperation({
  name: 'selection.photos',
  method: 'GET',
  path: '/orders/{orderId}/selection/photos',
  summary: 'The confirmed selection for retouching: each photo numbered as on the proof sheet, the extras marked',
  tag: 'photos',
  input: OrderRef,
  output: z.object({
    orderId: IdSchema,
    customerName: z.string(),
    packageName: z.string(),
    stage: OrderStageSchema,
    included: z.number().int(),
    items: z.array(SelectedPhotoSchema),
  }),
  access: ['retoucher', 'manager', 'admin'],
  scope: 'branch',
})

export const exportSelection = defineOperation({
  name: 'selection.export',
  method: 'GET',
  path: '/orders/{orderId}/selection/export',
  summary: 'The confirmed selection as a CSV of numbers and file names (extras marked), to find the originals on the studio’s disk',
  tag: 'photos',
  input: OrderRef,
  output: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() }),
  access: selectedPhotos.access,
  scope: 'branch',
})

export const decideProof = defineOperation({
  name: 'proofs.decide',
  method: 'POST',
  path: '/orders/{orderId}/proof',
  summary: 'Approve the album design, or ask for a revision with a comment',
  tag: 'photos',
  input: z.discriminatedUnion('decision', [
    z.strictObject({ orderId: IdSchema, decision: z.literal('approve') }),
    z.strictObject({ orderId: IdSchema, decision: z.literal('revise'), comment: z.string().trim().min(1).max(500) }),
  ]),
  output: OrderSchema,
  access: ['customer', ...DESK],
  scope: 'branch',
})

export const orderOperations = [
  getOrderSettings,
  saveOrderSettings,
  createOrder,
  myOrders,
  getOrder,
  getWorkOrder,
  listOrders,
  customerOrders,
  overdueOrders,
  productionQueue,
  advanceOrder,
  updateOrder,
  takeOrder,
  sendToLab,
  prepareUploads,
  listPhotos,
  removePhoto,
  saveSelection,
  confirmSelection,
  selectedPhotos,
  exportSelection,
  decideProof,
] as const

// The app imports the payment operations from here too.
export * from './payment-operations'
