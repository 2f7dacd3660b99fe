import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { UnmatchedPaymentRecord, UnmatchedPayments } from '../payments/ports'
import { Update } from './expressions'
import { entity, queryAll, putIfAbsent } from './items'
import { keys } from './keys'
import { conditionHeld } from './errors'

const keyOf = (payment: Pick<UnmatchedPaymentRecord, 'studioId' | 'mchId' | 'id'>) =>
  payment.studioId ? keys.unmatchedPayment(payment.studioId, payment.id) : keys.merchantUnmatchedPayment(payment.mchId, payment.id)

/** Money WeChat Pay took that no order could take, one item per transaction. */
export class DynamoUnmatchedPayments implements UnmatchedPayments {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async studioExists(studioId: string) {
    const found = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.studio(studioId), ProjectionExpression: 'pk' }))
    return found.Item !== undefined
  }

  async record(payment: UnmatchedPaymentRecord) {
    return conditionHeld(this.db.send(new PutCommand(putIfAbsent(this.table, { ...keyOf(payment), type: 'UnmatchedPayment', ...payment }).Put)))
  }

  async get(owner: Pick<UnmatchedPaymentRecord, 'studioId' | 'mchId' | 'id'>) {
    const found = await this.db.send(new GetCommand({ TableName: this.table, Key: keyOf(owner), ConsistentRead: true }))
    return entity<UnmatchedPaymentRecord>(found.Item)
  }

  async setStatus(payment: UnmatchedPaymentRecord, status: UnmatchedPaymentRecord['status'], refundId?: string) {
    const update = new Update().set('status', status).when('status', '<>', 'refunded')
    if (refundId) update.set('refundId', refundId)
    // Refunded already: it stays so.
    await conditionHeld(this.db.send(new UpdateCommand(update.build(this.table, keyOf(payment)))))
  }

  async list(studioId: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.unmatchedPayments(studioId) },
    })
    return items.map((i) => entity<UnmatchedPaymentRecord>(i)!)
  }
}
