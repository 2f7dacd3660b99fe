import type { CommissionBaseCount, CommissionLineRecord, CommissionRuleRecord } from '../../finance/ports'
import type { Item } from '../items'
import { keys } from '../keys'

export function commissionRuleItem(rule: CommissionRuleRecord): Item {
  return { ...keys.commissionRule(rule.studioId, rule.branchId, rule.id, rule.version), type: 'CommissionRule', ...rule }
}

/** A commission line in its earner's month, listed by branch and month (gsi1) and by order (gsi2). */
export function commissionLineItem(line: CommissionLineRecord): Item {
  return {
    ...keys.commissionLine(line.studioId, line.staffId, line.month, line.id),
    type: 'CommissionLine',
    gsi1pk: keys.branchCommission(line.studioId, line.branchId, line.month),
    gsi1sk: `${line.date}#${line.id}`,
    gsi2pk: keys.orderCommission(line.studioId, line.orderId),
    gsi2sk: line.id,
    ...line,
  }
}

/**
 * The transaction items that write commission lines: each line only if absent (its id is the
 * earning event + earner + rule version, so a replay writes nothing), and each month base the
 * tiers were computed from, only if it is still what was read.
 */
export function commissionWrites(table: string, lines: readonly CommissionLineRecord[], counts: readonly CommissionBaseCount[]) {
  return [
    ...lines.map((line) => ({ Put: { TableName: table, Item: commissionLineItem(line), ConditionExpression: 'attribute_not_exists(pk)' } })),
    ...counts.map((count) => ({
      Update: {
        TableName: table,
        Key: keys.commissionBase(count.studioId, count.staffId, count.month, count.ruleId),
        UpdateExpression: 'SET #type = :type ADD baseFen :add',
        ConditionExpression: count.beforeFen === 0 ? 'attribute_not_exists(baseFen) OR baseFen = :before' : 'baseFen = :before',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': 'CommissionBase', ':add': count.addFen, ':before': count.beforeFen },
      },
    })),
  ]
}
