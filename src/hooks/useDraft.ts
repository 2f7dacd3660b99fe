import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { asApiError } from '../api'
import { useI18n, type MessageKey } from '../i18n'
import { useQuery } from './useQuery'
import { useSubmit } from './useSubmit'

/** What `save` answers when the draft changes nothing: nothing is sent, and the person is told so. */
export const UNCHANGED = Symbol('unchanged')

interface Options<Saved, Draft, Loaded extends Saved> {
  /** What is saved now (perhaps with more to show than a save answers); loaded when `enabled`, again when a dependency changes (never for a new record). */
  load: () => Promise<Loaded | undefined>
  deps: readonly unknown[]
  enabled: boolean
  /** The form's state for what is saved (text for numbers, say). */
  draftOf: (saved: Saved) => Draft
  /** Sends the draft as a change of what is saved; answers what was saved, which the form then shows. */
  save: (draft: Draft, saved: Saved) => Promise<Saved | typeof UNCHANGED>
  /**
   * A new record ("new or edit" forms): nothing is loaded, the draft starts as `blank()` (which
   * may answer undefined while what it needs is still loading), and the first save calls
   * `create`; from then on the form edits the record it created.
   */
  isNew?: boolean
  blank?: () => Draft | undefined
  create?: (draft: Draft) => Promise<Saved>
  /** Anything more once saved (close the form, open the new record, reload the page's other data), after the toast. */
  onSaved?: (saved: Saved, how: { created: boolean }) => unknown
  /** What the toast says; "Saved" unless told. */
  savedMessage?: MessageKey
  createdMessage?: MessageKey
  /** What the toast says when `save` found nothing changed. */
  unchangedMessage?: MessageKey
}

/**
 * A form over one saved thing — a settings page, or a "new or edit" form of a record: load what
 * is saved (or start blank for a new record), edit a draft of it, save (create the first time for
 * a new record), and show what the studio now has (the server's reading of it, not the person's
 * typing). Saving reports like any submit (useSubmit); when someone else saved first
 * (VERSION_CONFLICT), their version is loaded, so the change can be made again on top of it.
 */
export function useDraft<Saved, Draft = Saved, Loaded extends Saved = Saved>({
  load,
  deps,
  enabled,
  draftOf,
  save,
  isNew = false,
  blank,
  create,
  onSaved,
  savedMessage = 'common.saved',
  createdMessage = savedMessage,
  unchangedMessage = 'common.nothingChanged',
}: Options<Saved, Draft, Loaded>) {
  const { t } = useI18n()
  const query = useQuery(load, deps, enabled && !isNew)
  const [saved, setSaved] = useState<Saved>()
  const [draft, setDraft] = useState<Draft>()

  useEffect(() => {
    if (query.data === undefined) return
    setSaved(query.data)
    setDraft(draftOf(query.data))
  }, [query.data])

  // A new record's blank draft, once what it needs (branches, the signed-in person) is there.
  const blankDraft = isNew && saved === undefined && draft === undefined ? blank?.() : undefined
  useEffect(() => {
    if (blankDraft !== undefined) setDraft(blankDraft)
  }, [blankDraft !== undefined])

  const { submit, ...form } = useSubmit()

  const saveDraft = () =>
    submit(
      async () => {
        if (draft === undefined) return
        const creating = saved === undefined
        if (creating && !(isNew && create)) return
        const answer = creating ? await create!(draft) : await save(draft, saved)
        if (answer === UNCHANGED) {
          Taro.showToast({ title: t(unchangedMessage), icon: 'none' })
          return
        }
        setSaved(answer)
        setDraft(draftOf(answer))
        Taro.showToast({ title: t(creating ? createdMessage : savedMessage), icon: 'success' })
        await onSaved?.(answer, { created: creating })
      },
      async (failure) => {
        if (asApiError(failure).code === 'VERSION_CONFLICT' && !isNew) await query.reload()
      },
    )

  return { ...form, save: saveDraft, query, saved, draft, setDraft }
}
