import type { Payment, Order } from '../../../types/orders'
import { recordOfflinePayment, updateOrder } from '../../../types/order-operations'
import type { Principal } from '../../../types/entities'
import { Card } from '../../components/Card'
import { useI18n } from '../../i18n'
import { canUse } from '../../lib/access'
import { MoneyLine } from '../MoneyLine'
import { EditOrder } from './EditOrder'
import { Payments } from './Payments'
import { TakePayment } from './TakePayment'

interface Props {
  order: Order
  payments: Payment[]
  principal: Principal
  reload: () => Promise<void>
}

/** The order's money on the staff page: what it costs, what was paid and is owed, taking payments and changing the price. */
export function OrderMoney({ order, payments, principal, reload }: Props) {
  const { t } = useI18n()
  const open = order.stage !== 'completed' && order.stage !== 'cancelled'
  // Counted as refunded when sent, though WeChat Pay did not take them: finance sends them again below.
  const notSentFen = payments.filter((p) => p.kind === 'refund' && p.status === 'refund_failed').reduce((sum, p) => sum - p.amountFen, 0)
  return (
    <>
      <Card title={t('money.title')}>
        <MoneyLine label={order.package.name} fen={order.package.priceFen} />
        {order.addOns.map((addOn) => (
          <MoneyLine
            key={addOn.id}
            label={addOn.kind === 'extra_photos' ? t('addOns.extraPhotos', { count: addOn.quantity }) : addOn.quantity > 1 ? `${addOn.name} × ${addOn.quantity}` : addOn.name}
            fen={addOn.amountFen}
          />
        ))}
        {order.discountFen > 0 && (
          <MoneyLine label={order.discountReason ? t('money.discountWithReason', { reason: order.discountReason }) : t('discount.title')} fen={order.discountFen} minus />
        )}
        <MoneyLine label={t('money.total')} fen={order.totalFen} variant="total" />
        <MoneyLine label={t('money.paid')} fen={order.paidFen} />
        {order.unauditedFen > 0 && <MoneyLine label={t('money.unaudited')} fen={order.unauditedFen} />}
        {order.stage === 'cancelled' ? (
          <>
            <MoneyLine label={t('money.refundDue')} fen={order.refundDueFen ?? 0} variant="strong" />
            <MoneyLine label={t('money.refunded')} fen={order.refundedFen} />
            {notSentFen > 0 && <MoneyLine label={t('money.refundFailed')} fen={notSentFen} />}
          </>
        ) : (
          <MoneyLine label={t('money.balance')} fen={order.balanceFen} variant="strong" />
        )}
      </Card>

      {open && order.balanceFen > 0 && canUse(principal, recordOfflinePayment.access) && <TakePayment order={order} onRecorded={reload} />}

      <Payments order={order} payments={payments} principal={principal} reload={reload} />

      {open && canUse(principal, updateOrder.access) && <EditOrder order={order} principal={principal} onSaved={reload} />}
    </>
  )
}
