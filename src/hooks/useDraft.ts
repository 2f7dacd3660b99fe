import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { useI18n, type MessageKey } from '../i18n'
import { useQuery } from './useQuery'
import { useSubmit } from './useSubmit'

interface Settings<Saved, Draft> {
  /** What is saved now; loaded when `enabled`, again when a dependency changes. */
  load: () => Promise<Saved>
  deps: readonly unknown[]
  enabled: boolean
  /** The form's state for what is saved (text for numbers, say). */
  draftOf: (saved: Saved) => Draft
  /** Sends the draft; answers what was saved, which the form then shows. */
  save: (draft: Draft) => Promise<Saved>
  /** Anything more once saved (close the form, reload the page's other data), before the toast. */
  onSaved?: (saved: Saved) => unknown
  /** What the toast says; "Saved" unless told. */
  savedMessage?: MessageKey
}

/**
 * A settings page: load what is saved, edit a draft of it, save, and show what the studio now has
 * (the server's reading of it, not the person's typing). Saving reports like any submit (useSubmit).
 */
export function useDraft<Saved, Draft = Saved>({ load, deps, enabled, draftOf, save, onSaved, savedMessage = 'common.saved' }: Settings<Saved, Draft>) {
  const { t } = useI18n()
  const query = useQuery(load, deps, enabled)
  const [draft, setDraft] = useState<Draft>()

  useEffect(() => {
    if (query.data) setDraft(draftOf(query.data))
  }, [query.data])

  const { submit, ...form } = useSubmit()

  const saveDraft = () =>
    submit(async () => {
      if (draft === undefined) return
      const saved = await save(draft)
      setDraft(draftOf(saved))
      await onSaved?.(saved)
      Taro.showToast({ title: t(savedMessage), icon: 'success' })
    })

  return { ...form, save: saveDraft, query, draft, setDraft }
}
