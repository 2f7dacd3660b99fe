import type { Translate } from '../i18n'

/** Who and where a shoot is with: "摄影师 王磊 · 化妆师 李娜 · 1号棚", saying what is still to be assigned. */
export function shootTeamFacts(
  t: Translate,
  appointment: { photographerName?: string; makeupArtistName?: string; roomName?: string },
): { label: string; value: string }[] {
  const pending = t('shoot.notAssigned')
  return [
    { label: t('role.photographer'), value: appointment.photographerName ?? pending },
    { label: t('role.makeup'), value: appointment.makeupArtistName ?? pending },
    ...(appointment.roomName ? [{ label: t('shoot.room'), value: appointment.roomName }] : []),
  ]
}
