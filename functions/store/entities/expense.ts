import type { ExpenseRevision } from '../../../types/finance'
import type { ExpenseRecord } from '../../finance/ports'
import type { Item } from '../items'
import { keys } from '../keys'

/** An expense or other income, listed by branch and day (gsi1). */
export function expenseItem(expense: ExpenseRecord): Item {
  return {
    ...keys.expense(expense.studioId, expense.id),
    type: 'Expense',
    gsi1pk: keys.branchExpenses(expense.studioId, expense.branchId),
    gsi1sk: `${expense.date}#${expense.id}`,
    ...expense,
  }
}

/** The entry as it stood before a change, kept beside it for good. */
export function expenseRevisionItem(studioId: string, expenseId: string, revision: ExpenseRevision): Item {
  return { ...keys.expenseRevision(studioId, expenseId, revision.version), type: 'ExpenseRevision', ...revision }
}
