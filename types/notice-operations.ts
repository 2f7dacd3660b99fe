import * as z from 'zod'
import { IdSchema } from './common'
import { defineOperation } from './operation'
import { NoticeKindSchema, OrderNoticesSchema } from './notices'

export const myOrderNotices = defineOperation({
  name: 'notices.mine',
  method: 'GET',
  path: '/orders/{orderId}/notices',
  summary: 'The messages the customer may be sent about their order, which they agreed to and which were sent',
  tag: 'notices',
  input: z.strictObject({ orderId: IdSchema }),
  output: OrderNoticesSchema,
  access: ['customer'],
})

export const subscribeOrderNotices = defineOperation({
  name: 'notices.subscribe',
  method: 'PUT',
  path: '/orders/{orderId}/notices',
  summary: 'The customer agreed (by a tap, WeChat’s requestSubscribeMessage) to be told when the photos, the design or the pick-up are ready',
  tag: 'notices',
  input: z.strictObject({ orderId: IdSchema, kinds: z.array(NoticeKindSchema).min(1).max(3) }),
  output: OrderNoticesSchema,
  access: ['customer'],
})

export const noticeOperations = [myOrderNotices, subscribeOrderNotices] as const
