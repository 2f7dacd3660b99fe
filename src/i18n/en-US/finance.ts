import type { financeZhCN } from '../zh-CN/finance'

/** Typed against the Chinese words: a key missing here, or one zh-CN does not have, fails the build. */
export const financeEnUS: Record<keyof typeof financeZhCN, string> = {
  'error.DAY_CLOSED': 'That day is closed and cannot change; record a correction on an open day, or ask a manager to reopen it',

  'audit.action.expense.recorded': 'Expense or income recorded',
  'audit.action.expense.edited': 'Expense or income edited',
  'audit.action.expense.voided': 'Expense or income voided',
  'audit.action.day.closed': 'Day closed',
  'audit.action.day.reopened': 'Day reopened',
  'audit.action.commission.rule_saved': 'Commission rule saved',
} as const
