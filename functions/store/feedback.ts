import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { FollowUpRecord } from '../customers/ports'
import { DomainError } from '../domain/errors'
import type { AppFeedbackRecord, FeedbackStore, SurveyRecord } from '../feedback/ports'
import { guarded, transact } from './errors'
import { followUpItem } from './entities/follow-up'
import { entity, putIfAbsent, queryAll } from './items'
import { keys } from './keys'

export class DynamoFeedbackStore implements FeedbackStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async saveSurvey(survey: SurveyRecord, followUp?: FollowUpRecord) {
    const item = { ...keys.survey(survey.studioId, survey.orderId), type: 'Survey', gsi1pk: keys.branchSurveys(survey.studioId, survey.branchId), gsi1sk: `${survey.at}#${survey.orderId}`, ...survey }
    await transact(this.db, [
      guarded(putIfAbsent(this.table, item), new DomainError('CONFLICT', 'This order was rated already')),
      ...(followUp ? [guarded({ Put: { TableName: this.table, Item: followUpItem(followUp) } })] : []),
    ])
  }

  async surveyOf(studioId: string, orderId: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.survey(studioId, orderId) }))
    return entity<SurveyRecord>(Item)
  }

  async branchSurveys(studioId: string, branchId: string, from: string, to: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':p': keys.branchSurveys(studioId, branchId), ':from': from, ':to': `${to}~` },
    })
    return items.map((i) => entity<SurveyRecord>(i)!).filter((s) => s.at < to)
  }

  async saveAppFeedback(feedback: AppFeedbackRecord) {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...keys.appFeedback(feedback.studioId, feedback.id), type: 'AppFeedback', ...feedback } }))
  }

  async appFeedback(studioId: string, limit: number) {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': keys.appFeedbackPartition(studioId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    )
    return Items.map((i) => entity<AppFeedbackRecord>(i)!)
  }
}
