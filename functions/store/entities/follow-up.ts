import type { FollowUpRecord } from '../../customers/ports'
import type { Item } from '../items'
import { keys } from '../keys'

/** A follow-up (回访) in its customer's file; while open it is listed by due date (gsi1, sparse). */
export function followUpItem(record: FollowUpRecord): Item {
  return {
    ...keys.followUp(record.studioId, record.customerId, record.id),
    type: 'FollowUp',
    gsi1pk: keys.openFollowUps(record.studioId),
    gsi1sk: `${record.dueDate}#${record.id}`,
    ...record,
  }
}
