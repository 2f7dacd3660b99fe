import type { FieldIssue } from '../../types/errors'
import { DomainError } from '../domain/errors'
import { expenseCategoriesOf } from './list-expense-categories'
import type { FinanceDeps } from './ports'

/**
 * What the schema cannot know about an entry: its category is on the studio's list, its day is
 * not in the future, and its receipt is one uploaded to this studio.
 */
export async function checkEntry(
  deps: FinanceDeps,
  studioId: string,
  today: string,
  fields: { category?: string; date?: string; receiptKey?: string },
): Promise<void> {
  const issues: FieldIssue[] = []
  if (fields.category !== undefined) {
    const categories = await expenseCategoriesOf(deps, studioId)
    if (!categories.some((c) => c.code === fields.category)) issues.push({ path: 'category', message: 'is not one of the studio’s categories' })
  }
  if (fields.date !== undefined && fields.date > today) issues.push({ path: 'date', message: 'must not be in the future' })
  if (fields.receiptKey !== undefined) {
    if (!fields.receiptKey.startsWith(`studios/${studioId}/receipts/`)) issues.push({ path: 'receiptKey', message: 'must be a receipt of this studio' })
    else if (!(await deps.files.stat(fields.receiptKey))) issues.push({ path: 'receiptKey', message: 'has not been uploaded' })
  }
  if (issues.length) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: issues })
}
