import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import {
  Articles,
  Category,
  Star,
  Clock,
  Coupon,
  Edit,
  Gift,
  Image,
  List,
  Notice,
  Order,
  Photograph,
  Processing,
  Retweet,
  Save,
  Setting,
  ShieldCheck,
  Store,
  User,
  UserAdd,
  Wallet,
} from '@nutui/icons-react-taro'
import type { ComponentType } from 'react'
import { listBranches } from '../../../types/operations'
import { mySchedule } from '../../../types/booking-operations'
import type { OutputOf } from '../../../types/operation'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useShownAgain } from '../../hooks/useShownAgain'
import { studioMoment } from '../../lib/studio-time'
import { ANY_STAFF } from '../../../types/roles'
import { canUse } from '../../lib/access'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { LanguageSetting } from '../../components/LanguageSwitch'
import { SignOutButton } from '../../components/SignOutButton'
import { Cell } from '../../components/ui'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { routes } from '../../lib/routes'
import { RoleTags } from '../../components/RoleTags'
import { Initial } from '../../components/Initial'
import { tileSections, tiles, tileUrl, type TileKey } from '../tiles'
import { useStaffPage } from '../../hooks/useStaffPage'
import './index.scss'

const tileIcons: Record<TileKey, ComponentType<{ size?: number | string }>> = {
  customers: User,
  bookings: Clock,
  orders: Order,
  myDay: Photograph,
  myWeek: List,
  productionQueue: Image,
  paymentAudit: ShieldCheck,
  overdueOrders: Notice,
  orderSettings: Processing,
  finance: Wallet,
  myCommission: Coupon,
  reports: Category,
  serviceScores: Star,
  staff: UserAdd,
  packages: Gift,
  bookingSetup: Edit,
  inventory: Store,
  auditLog: Articles,
  settings: Setting,
  import: Save,
  backup: Retweet,
}

/** "Today 3 shoots, next at 14:00" — what a photographer or makeup artist needs before opening the day. */
function TodayLine({ schedule }: { schedule: OutputOf<typeof mySchedule> }) {
  const { t } = useI18n()
  const live = schedule.items.filter((item) => item.status === 'held' || item.status === 'confirmed')
  const next = live.filter((item) => Date.parse(item.startsAt) > Date.now()).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0]
  const text =
    live.length === 0
      ? t('workspace.todayNone')
      : next
        ? t('workspace.todayNext', { count: live.length, time: studioMoment(next.startsAt, schedule.timeZone).time })
        : t('workspace.todayDone', { count: live.length })
  return (
    <View className="workspace__today" onClick={() => Taro.navigateTo({ url: `${routes.mySchedule}?days=1` })}>
      <Text>{text}</Text>
    </View>
  )
}

export default function WorkspacePage() {
  const { t } = useI18n()
  usePageTitle('workspace.title')
  const { session } = useStaffPage(ANY_STAFF)
  const branches = useQuery(() => call(listBranches, {}), [], session !== null)
  const shoots = canUse(session?.principal, mySchedule.access)
  const today = useQuery(() => call(mySchedule, { days: 1 }), [], shoots)
  usePullDownRefresh(today)
  useShownAgain(() => {
    if (shoots) void today.reload()
  })
  if (!session) return null
  const { principal } = session
  const branch = branches.data?.items.find((candidate) => candidate.id === principal.branchId)
  const mine = tiles.filter((tile) => canUse(principal, tile.access))

  return (
    <View className="screen workspace">
      <View className="workspace__person">
        <Initial className="workspace__avatar" name={principal.displayName} />
        <View className="workspace__identity">
          <Text className="workspace__name">{principal.displayName}</Text>
          <Text className="workspace__place">
            {principal.studioName}
            {branch ? ` · ${branch.name}` : principal.branchId ? '' : ` · ${t('workspace.allBranches')}`}
          </Text>
          <RoleTags roles={principal.roles} />
        </View>
      </View>

      {today.data && <TodayLine schedule={today.data} />}

      {tileSections.map((section) => {
        const sectionTiles = mine.filter((tile) => tile.section === section)
        if (sectionTiles.length === 0) return null
        return (
          <Card key={section} title={t(`workspace.section.${section}`)}>
            <View className="workspace__tiles">
              {sectionTiles.map((tile) => {
                const Icon = tileIcons[tile.key]
                return (
                  <View key={tile.key} className="workspace__tile" onClick={() => Taro.navigateTo({ url: tileUrl(tile) })}>
                    <View className="workspace__tile-icon">
                      <Icon size={22} />
                    </View>
                    <Text className="workspace__tile-label">{t(`tile.${tile.key}`)}</Text>
                  </View>
                )
              })}
            </View>
          </Card>
        )
      })}

      <Card title={t('workspace.account')}>
        <Cell title={t('password.title')} clickable onClick={() => Taro.navigateTo({ url: routes.changePassword })} />
        <Cell title={t('appFeedback.title')} clickable onClick={() => Taro.navigateTo({ url: routes.appFeedback })} />
        <LanguageSetting />
      </Card>

      <SignOutButton />
    </View>
  )
}
