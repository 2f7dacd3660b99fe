import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { NoticeKind } from '../../types/notices'
import type { NoticeRecord, NoticeStore } from '../notices/ports'
import type { OutboxMessage } from '../scheduling/ports'
import { AlreadyWritten, guarded, transactOnce } from './errors'
import { queryAll } from './items'
import { keys } from './keys'

/** An order's notices: one item per kind holding the customer's consent and, once sent, when. */
export class DynamoNoticeStore implements NoticeStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async notices(studioId: string, orderId: string): Promise<NoticeRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.orderNotices(studioId, orderId) },
    })
    return items.map((i) => ({ kind: i.kind as NoticeKind, customerId: i.customerId as string, consentedAt: i.consentedAt as string | undefined, sentAt: i.sentAt as string | undefined }))
  }

  async consent(studioId: string, orderId: string, customerId: string, kinds: NoticeKind[], now: string) {
    await Promise.all(
      kinds.map((kind) =>
        this.db.send(
          new UpdateCommand({
            TableName: this.table,
            Key: keys.orderNotice(studioId, orderId, kind),
            UpdateExpression: 'SET #type = :type, kind = :kind, customerId = :customer, consentedAt = :now',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: { ':type': 'OrderNotice', ':kind': kind, ':customer': customerId, ':now': now },
          }),
        ),
      ),
    )
  }

  async claimNotice(message: OutboxMessage & { orderId: string; template: NoticeKind }) {
    // Consent given and not sent yet, or nothing: a second claim (a retried or concurrent move) fails this condition.
    const claim = {
      Update: {
        TableName: this.table,
        Key: keys.orderNotice(message.studioId, message.orderId, message.template),
        UpdateExpression: 'SET sentAt = :at, messageId = :id',
        ConditionExpression: 'attribute_exists(consentedAt) AND attribute_not_exists(sentAt)',
        ExpressionAttributeValues: { ':at': message.sentAt, ':id': message.id },
      },
    }
    const outboxItem = { Put: { TableName: this.table, Item: { ...keys.outbox(message.studioId, message.id), type: 'OutboxMessage', ...message } } }
    return transactOnce(this.db, [guarded(claim, new AlreadyWritten()), guarded(outboxItem)])
  }
}
