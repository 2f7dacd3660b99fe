import { View, Text } from '@tarojs/components'
import type { WorkOrder } from '../../../types/orders'
import { Card } from '../../components/Card'
import { useDates } from '../../hooks/useDates'
import { useI18n, type Translate } from '../../i18n'

/** The notes the system writes itself are in English; people read them in their own language. What staff typed stays as typed. */
export function timelineNote(t: Translate, note: string): string {
  if (note === 'deposit received at the desk') return t('timelineNote.depositAtDesk')
  if (note === 'deposit paid by WeChat Pay') return t('timelineNote.depositWechat')
  if (note === 'hold expired') return t('timelineNote.holdExpired')
  const offline = /^deposit paid \((cash|card|transfer)\)$/.exec(note)
  if (offline) return t('timelineNote.depositOffline', { method: t(`paymentMethod.${offline[1] as 'cash' | 'card' | 'transfer'}`) })
  const selection = /^(\d+) photos(?:, (\d+) extra)?$/.exec(note)
  if (selection) return selection[2] ? t('timelineNote.selectionExtra', { count: selection[1]!, extra: selection[2] }) : t('timelineNote.selection', { count: selection[1]! })
  return note
}

/** Every stage the order went through, who moved it and when, newest last. */
export function Timeline({ order }: { order: WorkOrder }) {
  const dates = useDates()
  const { t } = useI18n()
  return (
    <Card title={t('staffOrder.timeline')}>
      <View className="timeline">
        {order.timeline.map((event, index) => (
          <View key={`${event.stage}-${event.at}`} className={`timeline__event${index === order.timeline.length - 1 ? ' timeline__event--current' : ''}`}>
            <View className="timeline__dot" />
            <View className="timeline__body">
              <View className="timeline__line">
                <Text className="timeline__stage">{t(`orderStage.${event.stage}`)}</Text>
                <Text className="timeline__time">{dates.dayTime(event.at)}</Text>
              </View>
              <Text className="timeline__by">
                {event.by.role === 'system' ? t('staffOrder.bySystem') : event.by.role === 'customer' ? t('staffOrder.byCustomer', { name: event.by.name }) : `${event.by.name} · ${t(`role.${event.by.role}`)}`}
              </Text>
              {event.note && <Text className="timeline__note">{timelineNote(t, event.note)}</Text>}
            </View>
          </View>
        ))}
      </View>
    </Card>
  )
}
