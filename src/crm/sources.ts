import { sourceChannels, type SourceChannel } from '../../types/customers'
import type { Translate } from '../i18n'

/** Source channels in the order reception picks them, with their labels. */
export function sourceOptions(t: Translate): { value: SourceChannel; label: string }[] {
  return sourceChannels.map((value) => ({ value, label: t(`source.${value}`) }))
}
