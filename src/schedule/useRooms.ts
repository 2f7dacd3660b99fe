import { listRooms } from '../../types/booking-operations'
import { call } from '../api'
import { useQuery } from '../hooks/useQuery'

/** Room names of the branches the shown bookings are in, by room id. */
export function useRoomNames(branchIds: string[], enabled: boolean) {
  const distinct = [...new Set(branchIds)].sort()
  const rooms = useQuery(
    async () => {
      const lists = await Promise.all(distinct.map((branchId) => call(listRooms, { branchId })))
      return new Map(lists.flatMap((list) => list.items.map((room): [string, string] => [room.id, room.name])))
    },
    [distinct.join(',')],
    enabled && distinct.length > 0,
  )
  return rooms.data ?? new Map<string, string>()
}
