import type { FigureWrite } from '../../domain/report-events'
import type { Counters } from '../../domain/report-figures'
import type { FigureCorrection, KeptFigures } from '../../reports/ports'
import type { Item } from '../items'
import { keys } from '../keys'

const NAME = 'name#'
const NOT_COUNTERS = new Set(['pk', 'sk', 'type', 'branchId', 'date'])

type FiguresItem = { studioId: string; branchId: string; date?: string }

const figuresKey = (item: FiguresItem) => (item.date ? keys.figuresDay(item.studioId, item.branchId, item.date) : keys.figuresNow(item.studioId, item.branchId))

/** The attributes every write to a figures item sets beside its figures: what it is, its branch and its day. */
function figuresItem(item: FiguresItem) {
  const names: Record<string, string> = { '#type': 'type', '#branchId': 'branchId' }
  const values: Record<string, unknown> = { ':type': item.date ? 'FiguresDay' : 'FiguresNow', ':branchId': item.branchId }
  const sets = ['#type = :type', '#branchId = :branchId']
  if (item.date) {
    names['#date'] = 'date'
    values[':date'] = item.date
    sets.push('#date = :date')
  }
  return { names, values, sets }
}

/**
 * The Update that adds one event's counters to a branch's figures item (a day's, or NOW). No
 * condition of its own: it rides in the event's transaction, whose own guard (the payment
 * created only once, the stage it must move from…) makes a replay fail before anything is added.
 */
export function figuresUpdate(table: string, write: FigureWrite) {
  const { names, values, sets } = figuresItem(write)
  const adds: string[] = []
  Object.entries(write.add).forEach(([attribute, amount], i) => {
    names[`#a${i}`] = attribute
    values[`:a${i}`] = amount
    adds.push(`#a${i} :a${i}`)
  })
  Object.entries(write.names ?? {}).forEach(([id, name], i) => {
    names[`#n${i}`] = `${NAME}${id}`
    values[`:n${i}`] = name
    sets.push(`#n${i} = :n${i}`)
  })
  return {
    TableName: table,
    Key: figuresKey(write),
    UpdateExpression: `SET ${sets.join(', ')}${adds.length ? ` ADD ${adds.join(', ')}` : ''}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  }
}

/**
 * The Update that replaces figures of one item (a day's, or NOW) by their recomputed values, only
 * while each still holds the value that was read (absent counting as 0): an event landing between
 * the read and this write makes it fail, never lose the event.
 */
export function figuresCorrection(table: string, correction: FigureCorrection) {
  const { names, values, sets } = figuresItem(correction)
  const conditions: string[] = []
  const removes: string[] = []
  Object.entries(correction.figures).forEach(([attribute, { kept, recomputed }], i) => {
    names[`#f${i}`] = attribute
    // A figure recomputed to 0 is taken out, not kept as a 0: absent reads as 0 everywhere.
    if (recomputed === 0) removes.push(`#f${i}`)
    else {
      values[`:r${i}`] = recomputed
      sets.push(`#f${i} = :r${i}`)
    }
    if (kept === 0) {
      values[':zero'] = 0
      conditions.push(`(attribute_not_exists(#f${i}) OR #f${i} = :zero)`)
    } else {
      values[`:k${i}`] = kept
      conditions.push(`#f${i} = :k${i}`)
    }
  })
  return {
    TableName: table,
    Key: figuresKey(correction),
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  }
}

/**
 * The Update that takes counters out of a branch's "now" item only while every one of them is 0:
 * an event that moved any of them meanwhile makes it fail, and its ADD is kept. A counter an
 * event brings back after the removal starts again from absent, which reads as 0.
 */
export function zeroCountersRemoval(table: string, studioId: string, branchId: string, counters: readonly string[]) {
  const names: Record<string, string> = {}
  counters.forEach((counter, i) => (names[`#z${i}`] = counter))
  const placeholders = Object.keys(names)
  return {
    TableName: table,
    Key: keys.figuresNow(studioId, branchId),
    UpdateExpression: `REMOVE ${placeholders.join(', ')}`,
    ConditionExpression: placeholders.map((p) => `${p} = :zero`).join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: { ':zero': 0 },
  }
}

/** The counters and names of a figures item. */
export function keptFiguresOf(item: Item | undefined): KeptFigures {
  const counters: Counters = {}
  const names: Record<string, string> = {}
  for (const [attribute, value] of Object.entries(item ?? {})) {
    if (NOT_COUNTERS.has(attribute)) continue
    if (attribute.startsWith(NAME) && typeof value === 'string') names[attribute.slice(NAME.length)] = value
    else if (typeof value === 'number') counters[attribute] = value
  }
  return { counters, names }
}
