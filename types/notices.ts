import * as z from 'zod'
import { IsoDateTimeSchema } from './common'
import { noticeKinds } from './vocabulary'

/**
 * What a customer can be told about their order by a one-time WeChat subscription message
 * (一次性订阅消息): the photos are ready to select, the album design is ready to review, the
 * order is ready for pick-up. WeChat sends one message per tap of consent, so each is sent once.
 */
export const NoticeKindSchema = z.enum(noticeKinds)
export type NoticeKind = z.infer<typeof NoticeKindSchema>

export const OrderNoticesSchema = z.object({
  /** Where WeChat is simulated (locally, in tests) consent is a labelled tap in the app and messages go to the outbox only. */
  simulated: z.boolean(),
  items: z.array(
    z.object({
      kind: NoticeKindSchema,
      /** The template WeChat asks the customer about (requestSubscribeMessage); absent where none is configured. */
      templateId: z.string().optional(),
      consented: z.boolean(),
      sentAt: IsoDateTimeSchema.optional(),
    }),
  ),
})
export type OrderNotices = z.infer<typeof OrderNoticesSchema>
