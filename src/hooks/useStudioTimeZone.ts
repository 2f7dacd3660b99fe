import { useEffect, useState } from 'react'
import { getBookingPolicy } from '../../types/booking-operations'
import { call } from '../api'
import { useSession } from '../session/store'

/** Shown until the studio's own zone has been read (and if it cannot be): the default studio zone. */
const DEFAULT_ZONE = 'Asia/Shanghai'
const known = new Map<string, string>()

/** The signed-in studio's time zone, read from its booking policy once per app run. */
export function useStudioTimeZone(): string {
  const studioId = useSession()?.principal.studioId
  const [zone, setZone] = useState<string>()
  useEffect(() => {
    if (!studioId || known.has(studioId)) return undefined
    let live = true
    call(getBookingPolicy, {})
      .then((policy) => {
        known.set(studioId, policy.timeZone)
        if (live) setZone(policy.timeZone)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [studioId])
  return (studioId && known.get(studioId)) || zone || DEFAULT_ZONE
}
