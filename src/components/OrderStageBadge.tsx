import { Text } from '@tarojs/components'
import type { OrderStage } from '../../types/orders'
import { useI18n } from '../i18n'
import { stageLabel } from '../lib/order-labels'
import './OrderStageBadge.scss'

/** An order's stage as a small coloured label: waiting for money, confirmed, in the works, ready, done or cancelled. */
export function OrderStageBadge({ stage }: { stage: OrderStage }) {
  const { t } = useI18n()
  return <Text className={`order-stage order-stage--${stage}`}>{stageLabel(t, stage)}</Text>
}
