/** The words of finance: expenses, the daily close (日结) and commission (提成). */
export const financeZhCN = {
  'error.DAY_CLOSED': '该日已日结，不能再修改；请在未结日登记更正，或请店长重新开账',

  'audit.action.expense.recorded': '登记收支',
  'audit.action.expense.edited': '修改收支',
  'audit.action.expense.voided': '作废收支',
  'audit.action.day.closed': '日结',
  'audit.action.day.reopened': '重新开账',
  'audit.action.commission.rule_saved': '保存提成规则',
} as const
