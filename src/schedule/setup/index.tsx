import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { reminderOutbox, saveBookingPolicy, saveBranchContact, saveBranchSchedule, saveRoom, saveStaffSchedule } from '../../../types/booking-operations'
import { canUse } from '../../lib/access'
import { Card } from '../../components/Card'
import { Cell } from '../../components/ui'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useI18n, type MessageKey } from '../../i18n'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'

const entries: { title: MessageKey; description: MessageKey; url: string; access: typeof saveRoom.access }[] = [
  { title: 'branchContact.title', description: 'setup.contactHint', url: routes.branchContact, access: saveBranchContact.access },
  { title: 'hours.title', description: 'setup.hoursHint', url: routes.openingHours, access: saveBranchSchedule.access },
  { title: 'rooms.title', description: 'setup.roomsHint', url: routes.rooms, access: saveRoom.access },
  { title: 'staffSchedule.title', description: 'setup.staffHint', url: routes.staffSchedule, access: saveStaffSchedule.access },
  { title: 'policy.title', description: 'setup.policyHint', url: routes.bookingPolicy, access: saveBookingPolicy.access },
  { title: 'outbox.title', description: 'setup.outboxHint', url: routes.reminderOutbox, access: reminderOutbox.access },
]

/** Everything that decides which times customers can book. */
export default function BookingSetupPage() {
  const { t } = useI18n()
  usePageTitle('tile.bookingSetup')
  const { session, allowed } = useStaffPage(saveBranchSchedule.access)
  if (!session) return null
  if (!allowed) return <Forbidden />
  return (
    <View className="screen">
      <Card>
        {entries
          .filter((entry) => canUse(session.principal, entry.access))
          .map((entry) => (
            <Cell key={entry.url} title={t(entry.title)} description={t(entry.description)} clickable onClick={() => Taro.navigateTo({ url: entry.url })} />
          ))}
      </Card>
    </View>
  )
}
