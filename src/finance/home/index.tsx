import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { branchCommission, getBranchDay, myCommission, saveCommissionRule, saveExpenseCategories } from '../../../types/finance-operations'
import { canUse } from '../../lib/access'
import { Card } from '../../components/Card'
import { Cell } from '../../components/ui'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useI18n } from '../../i18n'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import '../books.scss'

/** The finance workspace: the day's books for finance and managers, commission for payroll, the rules for managers. */
export default function FinanceHomePage() {
  const { t } = useI18n()
  usePageTitle('books.title')
  const { session, allowed } = useStaffPage(getBranchDay.access)
  if (!session) return null
  if (!allowed) return <Forbidden />
  const { principal } = session
  const open = (url: string) => () => Taro.navigateTo({ url })

  return (
    <View className="screen books-home">
      <Card>
        <Cell title={t('books.expenses')} description={t('books.expensesHint')} clickable onClick={open(routes.expenses)} />
        <Cell title={t('books.dayClose')} description={t('books.dayCloseHint')} clickable onClick={open(routes.dayClose)} />
        {canUse(principal, saveExpenseCategories.access) && (
          <Cell title={t('books.categories')} description={t('books.categoriesHint')} clickable onClick={open(routes.expenseCategories)} />
        )}
      </Card>
      <Card>
        {canUse(principal, branchCommission.access) && (
          <Cell title={t('books.commission')} description={t('books.commissionHint')} clickable onClick={open(routes.commission)} />
        )}
        {canUse(principal, saveCommissionRule.access) && (
          <Cell title={t('books.rules')} description={t('books.rulesHint')} clickable onClick={open(routes.commissionRules)} />
        )}
        {canUse(principal, myCommission.access) && <Cell title={t('books.myCommission')} clickable onClick={open(routes.myCommission)} />}
      </Card>
    </View>
  )
}
