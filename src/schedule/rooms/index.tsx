import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Room } from '../../../types/booking'
import { listRooms, saveRoom } from '../../../types/booking-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormMessage } from '../../components/FormField'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Input, Switch } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useSubmit } from '../../hooks/useSubmit'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { BranchPicker } from '../BranchPicker'
import { useBranch } from '../useBranch'
import '../schedule.scss'
import './index.scss'

/** The rooms and sets of a branch: add one, rename one, or close one to new bookings. */
export default function RoomsPage() {
  const { t } = useI18n()
  usePageTitle('rooms.title')
  const { session, allowed } = useStaffPage(saveRoom.access)
  const { branchId, setBranchId, branches } = useBranch(session, undefined, allowed)
  const rooms = useQuery(() => call(listRooms, { branchId: branchId ?? '' }), [branchId], allowed && !!branchId)
  const [names, setNames] = useState<Record<string, string>>({})
  const [newName, setNewName] = useState('')
  const feedback = useSubmit()
  const working = feedback.busy

  usePullDownRefresh(rooms)
  if (!session) return null
  if (!allowed) return <Forbidden />

  const save = (key: string, room: { id?: string; name: string; active: boolean }) =>
    feedback.run(key, async () => {
      if (!branchId) return
      await call(saveRoom, { branchId, ...room })
      if (!room.id) setNewName('')
      setNames(({ [key]: _saved, ...rest }) => rest)
      await rooms.reload()
      Taro.showToast({ title: t('common.saved'), icon: 'success' })
    })

  const nameOf = (room: Room) => names[room.id] ?? room.name

  return (
    <View className="screen rooms">
      <View className="schedule-toolbar">
        <BranchPicker branches={branches} branchId={branchId} onChange={setBranchId} />
      </View>
      <FormMessage message={feedback.message} />
      {rooms.error !== undefined && <ErrorState error={rooms.error} onRetry={rooms.reload} />}
      {rooms.loading && !rooms.data && <LoadingState />}
      {rooms.data && (
        <Card title={t('rooms.listTitle')}>
          {rooms.data.items.length === 0 && <EmptyState title={t('rooms.empty')} />}
          {rooms.data.items.map((room) => (
            <View key={room.id} className={`rooms__item${room.active ? '' : ' rooms__item--closed'}`}>
              <View className="rooms__name">
                <Input value={nameOf(room)} onChange={(value) => setNames({ ...names, [room.id]: value })} maxLength={30} />
              </View>
              {nameOf(room) !== room.name && (
                <Text className="rooms__link" onClick={() => save(room.id, { id: room.id, name: nameOf(room), active: room.active })}>
                  {t('common.save')}
                </Text>
              )}
              <View className="rooms__open">
                <Text>{room.active ? t('rooms.open') : t('rooms.closed')}</Text>
                <Switch checked={room.active} disabled={working === room.id} onChange={(active) => save(room.id, { id: room.id, name: room.name, active })} />
              </View>
            </View>
          ))}
        </Card>
      )}
      <Card title={t('rooms.add')}>
        <View className="rooms__add">
          <View className="rooms__name">
            <Input value={newName} onChange={setNewName} maxLength={30} placeholder={t('rooms.namePlaceholder')} />
          </View>
          <Button size="small" type="primary" disabled={newName.trim() === ''} loading={working === 'new'} onClick={() => save('new', { name: newName, active: true })}>
            {t('rooms.addButton')}
          </Button>
        </View>
      </Card>
    </View>
  )
}
