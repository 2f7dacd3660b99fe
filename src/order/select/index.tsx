import { Image, View, Text } from '@tarojs/components'
import Taro, { useRouter, useUnload } from '@tarojs/taro'
import { Checked, Image as ImageIcon, Zoom } from '@nutui/icons-react-taro'
import { useEffect, useRef, useState } from 'react'
import type { Photo } from '../../../types/orders'
import { confirmSelection, getOrder, listPhotos, saveSelection } from '../../../types/order-operations'
import { asApiError, call } from '../../api'
import { FormMessage } from '../../components/FormField'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { useSubmit } from '../../hooks/useSubmit'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useRequiredSession } from '../../hooks/useRequiredSession'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useStudioTimeZone } from '../../hooks/useStudioTimeZone'
import { useI18n } from '../../i18n'
import { formatFen } from '../../lib/money'
import { extraPhotosDue, momentLabel } from '../../lib/order-labels'
import { routes } from '../../lib/routes'
import './index.scss'

/** A draft is kept this long after the last tap, so a run of taps is one save. */
const SAVE_DELAY_MS = 800

/** The viewer shows screen-size previews; the originals (many MB each) are never loaded to look at. */
function preview(photos: Pick<Photo, 'previewUrl'>[], photo: Pick<Photo, 'previewUrl'>) {
  void Taro.previewImage({ current: photo.previewUrl, urls: photos.map((p) => p.previewUrl) })
}

function Thumb({ photo, picked, onToggle, onZoom }: { photo: Photo; picked?: boolean; onToggle?: () => void; onZoom: () => void }) {
  const { t } = useI18n()
  // A long press opens the photo large; the tap that ends it must not also pick it.
  const heldAt = useRef(0)
  const tap = () => {
    if (Date.now() - heldAt.current > 1000) (onToggle ?? onZoom)()
  }
  const hold = () => {
    heldAt.current = Date.now()
    onZoom()
  }
  return (
    <View className="select__cell" onClick={tap} onLongPress={hold}>
      <View className={`select__photo${picked ? ' select__photo--picked' : ''}`}>
        <Image className="select__image" src={photo.thumbUrl} mode="aspectFill" lazyLoad />
        {onToggle && (
          <View className="select__check" aria-label={picked ? t('select.picked') : t('select.notPicked')}>
            {picked && <Checked size={14} />}
          </View>
        )}
        {onToggle && (
          <View
            className="select__zoom"
            onClick={(event) => {
              event.stopPropagation()
              onZoom()
            }}
          >
            <Zoom size={12} />
          </View>
        )}
      </View>
    </View>
  )
}

/**
 * 选片: the customer picks photos from the proofs. The package includes some; every one more is an
 * extra photo at the package's price. Picks are kept as a draft while choosing; confirming locks
 * them, adds the extra photos to the order and starts retouching.
 */
export default function SelectPhotosPage() {
  const { t, locale } = useI18n()
  usePageTitle('select.title')
  const orderId = useRouter().params.orderId ?? ''
  const session = useRequiredSession('customer')
  const signedIn = session !== null
  const photos = useQuery(() => call(listPhotos, { orderId, kind: 'proof' }), [orderId], signedIn)
  const order = useQuery(() => call(getOrder, { orderId }), [orderId], signedIn)
  const timeZone = useStudioTimeZone()
  const [picked, setPicked] = useState<string[]>()
  const [saving, setSaving] = useState<'saving' | 'saved'>()
  const feedback = useSubmit()
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const pending = useRef<string[]>()

  // The draft the server kept is where the customer left off.
  useEffect(() => {
    if (photos.data && picked === undefined) setPicked(photos.data.selection.photoIds)
  }, [photos.data, picked])

  const save = async (photoIds: string[]) => {
    setSaving('saving')
    try {
      await call(saveSelection, { orderId, photoIds })
      if (pending.current === undefined) setSaving('saved')
    } catch (failure) {
      setSaving(undefined)
      // A draft that arrives after the selection was confirmed has nothing left to keep.
      if (asApiError(failure).code !== 'SELECTION_LOCKED') feedback.report(failure)
    }
  }
  const flush = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = undefined
    const draft = pending.current
    pending.current = undefined
    return draft
  }
  // Leaving the page keeps the last picks too.
  useUnload(() => {
    const draft = flush()
    if (draft) void save(draft)
  })
  // Back from the pay step, the order shows what was paid.
  useShownAgain(() => {
    if (signedIn) void order.reload()
  })

  if (!session) return null
  const failure = photos.error ?? order.error
  if (failure !== undefined && (!photos.data || !order.data)) return <ErrorState error={failure} onRetry={() => void Promise.all([photos.reload(), order.reload()])} />
  if (!photos.data || !order.data || picked === undefined) return <LoadingState />
  // A customer's answer always carries the amounts; only a role that sees no money gets it without.
  const { items, included, extraPhotoPriceFen = 0, locked, selection } = photos.data
  const { order: current, payments } = order.data

  if (locked && !selection.confirmedAt) {
    return (
      <View className="screen">
        <EmptyState icon={<ImageIcon size={28} />} title={t('select.notOpenTitle')} description={t('select.notOpenText')} />
      </View>
    )
  }

  if (locked) {
    const chosen = new Set(selection.photoIds)
    const mine = items.filter((photo) => chosen.has(photo.id))
    const due = extraPhotosDue(current, payments)
    return (
      <View className="screen select select--locked">
        <View className="select__summary">
          <Text className="select__summary-title">{t('select.confirmedTitle', { count: selection.photoIds.length })}</Text>
          <Text className="select__summary-text">
            {selection.extraCount > 0
              ? t('select.confirmedExtra', { included: selection.includedCount, extra: selection.extraCount, amount: formatFen(selection.extraFen ?? 0) })
              : t('select.confirmedIncluded', { included: selection.includedCount })}
          </Text>
          {selection.confirmedAt && <Text className="select__summary-meta">{t('select.confirmedAt', { time: momentLabel(t, selection.confirmedAt, timeZone) })}</Text>}
          <Text className="select__summary-meta">{t('select.lockedNote')}</Text>
          {selection.extraCount > 0 && due === 0 && <Text className="select__summary-paid">{t('select.extraPaid')}</Text>}
        </View>
        {due > 0 && (
          <View className="select__pay">
            <Button block type="success" onClick={() => Taro.navigateTo({ url: `${routes.orderPay}?orderId=${orderId}&kind=extra_photos` })}>
              {t('order.payExtraPhotos', { amount: formatFen(due) })}
            </Button>
          </View>
        )}
        <View className="select__grid">
          {mine.map((photo) => (
            <Thumb key={photo.id} photo={photo} onZoom={() => preview(mine, photo)} />
          ))}
        </View>
      </View>
    )
  }

  if (items.length === 0) {
    return (
      <View className="screen">
        <EmptyState icon={<ImageIcon size={28} />} title={t('select.noPhotosTitle')} description={t('select.noPhotosText')} />
      </View>
    )
  }

  const chosen = new Set(picked)
  const extraCount = Math.max(0, picked.length - included)
  const extraFen = extraCount * extraPhotoPriceFen

  const toggle = (photoId: string) => {
    if (feedback.saving) return
    feedback.reset()
    const next = chosen.has(photoId) ? picked.filter((id) => id !== photoId) : [...picked, photoId]
    setPicked(next)
    setSaving(undefined)
    pending.current = next
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      const draft = flush()
      if (draft) void save(draft)
    }, SAVE_DELAY_MS)
  }

  const confirm = async () => {
    if (feedback.saving || picked.length === 0) return
    feedback.reset()
    const lines = [t('select.dialogCount', { count: picked.length, included })]
    if (extraCount > 0) lines.push(t('select.dialogExtra', { extra: extraCount, amount: formatFen(extraFen) }))
    else if (picked.length < included) lines.push(t('select.dialogFewer', { left: included - picked.length }))
    lines.push(t('select.dialogLock'))
    const answer = await Taro.showModal({
      title: t('select.dialogTitle'),
      // WeChat's dialog keeps line breaks; the H5 one runs the lines together, so there a sentence break does.
      content: lines.join(process.env.TARO_ENV === 'weapp' ? '\n' : locale === 'zh-CN' ? '' : ' '),
      confirmText: t('select.dialogConfirm'),
      cancelText: t('select.dialogCancel'),
      confirmColor: '#a8385a',
    })
    if (!answer.confirm) return
    flush()
    await feedback.submit(async () => {
      await call(confirmSelection, { orderId, photoIds: picked })
      await Promise.all([photos.reload(), order.reload()])
      Taro.showToast({ title: t('select.confirmed'), icon: 'success' })
    })
  }

  return (
    <View className="screen select">
      <Text className="select__intro">{t('select.intro', { included, price: formatFen(extraPhotoPriceFen) })}</Text>
      <View className="select__grid">
        {items.map((photo) => (
          <Thumb key={photo.id} photo={photo} picked={chosen.has(photo.id)} onToggle={() => toggle(photo.id)} onZoom={() => preview(items, photo)} />
        ))}
      </View>

      <View className="select__footer">
        <View className="select__tally">
          <Text className="select__count">
            {extraCount > 0
              ? t('select.tallyExtra', { picked: picked.length, included, extra: extraCount, amount: formatFen(extraFen) })
              : t('select.tally', { picked: picked.length, included })}
          </Text>
          <Text className="select__saved">{saving === 'saving' ? t('select.saving') : saving === 'saved' ? t('select.saved') : t('select.autosave')}</Text>
          <FormMessage message={feedback.message} />
        </View>
        <Button type="primary" className="select__confirm" loading={feedback.saving} disabled={feedback.saving || picked.length === 0} onClick={confirm}>
          {t('select.confirm')}
        </Button>
      </View>
    </View>
  )
}
