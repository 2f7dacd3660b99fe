import { Image, View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Principal } from '../../../types/entities'
import { confirmSelection, prepareUploads, removePhoto } from '../../../types/order-operations'
import type { Photo, WorkOrder } from '../../../types/orders'
import { canUse } from '../../lib/access'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormMessage } from '../../components/FormField'
import { Button } from '../../components/ui'
import type { Query } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { errorMessage } from '../../i18n/errors'
import { formatFen } from '../../lib/money'
import { chooseAndUpload, UploadFailed, type PhotoKind, type UploadProgress } from '../upload'

export interface PhotoList {
  items: Photo[]
  selection: { photoIds: string[] }
  included: number
  extraPhotoPriceFen?: number
  locked: boolean
}

interface Props {
  order: WorkOrder
  kind: PhotoKind
  photos: Query<PhotoList>
  principal: Principal
  onChanged: () => Promise<void>
}

/** Proofs or album pages of an order: uploaded from the phone with progress, removed while still open, picked with the customer. */
export function OrderPhotos({ order, kind, photos, principal, onChanged }: Props) {
  const { t } = useI18n()
  const [progress, setProgress] = useState<UploadProgress>()
  const [failure, setFailure] = useState<unknown>()
  const [notice, setNotice] = useState<string>()
  const [picked, setPicked] = useState<string[]>([])
  const [confirming, setConfirming] = useState(false)
  const list = photos.data
  const open = kind === 'proof' ? (order.stage === 'shot' || order.stage === 'selecting') && !order.selection?.confirmedAt : order.stage === 'designing'
  const mayUpload = open && canUse(principal, prepareUploads.access)
  const mayRemove = open && canUse(principal, removePhoto.access)
  const selecting = kind === 'proof' && order.stage === 'selecting' && canUse(principal, confirmSelection.access)

  // The customer's own picks so far are where the desk starts.
  useEffect(() => {
    if (list) setPicked(list.selection.photoIds)
  }, [list])

  const upload = async () => {
    setFailure(undefined)
    setNotice(undefined)
    try {
      const { sent, skipped } = await chooseAndUpload(order.id, kind, setProgress)
      if (skipped > 0) setNotice(t('photos.skipped', { count: skipped }))
      if (sent > 0) Taro.showToast({ title: t('photos.uploaded', { count: sent }), icon: 'success' })
    } catch (error) {
      setFailure(error)
    } finally {
      setProgress(undefined)
      await photos.reload()
    }
  }

  const remove = async (photo: Photo) => {
    const answer = await Taro.showModal({ title: t('photos.removeTitle'), content: photo.name, confirmText: t('photos.remove'), cancelText: t('common.cancel'), confirmColor: '#d23c3c' })
    if (!answer.confirm) return
    try {
      await call(removePhoto, { orderId: order.id, photoId: photo.id })
      await photos.reload()
    } catch (error) {
      setFailure(error)
    }
  }

  const toggle = (photo: Photo) => setPicked(picked.includes(photo.id) ? picked.filter((id) => id !== photo.id) : [...picked, photo.id])
  const preview = (photo: Photo) => Taro.previewImage({ urls: (list?.items ?? []).map((item) => item.previewUrl), current: photo.previewUrl })

  const extra = list ? Math.max(0, picked.length - list.included) : 0
  const confirm = async () => {
    if (!list) return
    const answer = await Taro.showModal({
      title: t('selection.confirmTitle'),
      content: extra > 0 ? t('selection.confirmExtra', { count: picked.length, extra, amount: formatFen(extra * (list.extraPhotoPriceFen ?? 0)) }) : t('selection.confirmIncluded', { count: picked.length }),
      confirmText: t('selection.confirm'),
      cancelText: t('common.cancel'),
    })
    if (!answer.confirm) return
    setConfirming(true)
    setFailure(undefined)
    try {
      await call(confirmSelection, { orderId: order.id, photoIds: picked })
      Taro.showToast({ title: t('selection.confirmed'), icon: 'success' })
      await onChanged()
    } catch (error) {
      setFailure(error)
    } finally {
      setConfirming(false)
    }
  }

  const title = kind === 'proof' ? t('photos.proofs') : t('photos.design')
  return (
    <Card title={title} extra={list && <Text className="staff-order__card-extra">{t('photos.count', { count: list.items.length })}</Text>}>
      {photos.loading && !list && <Text className="desk-note">{t('common.loading')}</Text>}
      {photos.error !== undefined && <FormMessage message={errorMessage(t, photos.error)} />}
      {list && list.items.length === 0 && <Text className="desk-note">{kind === 'proof' ? t('photos.noProofs') : t('photos.noDesign')}</Text>}
      {selecting && list && list.items.length > 0 && (
        <Text className="desk-note">
          {extra > 0
            ? t('selection.summaryExtra', { count: picked.length, included: list.included, extra, amount: formatFen(extra * (list.extraPhotoPriceFen ?? 0)) })
            : t('selection.summary', { count: picked.length, included: list.included })}
        </Text>
      )}
      {list && list.items.length > 0 && (
        <View className="photo-grid">
          {list.items.map((photo) => {
            const chosen = selecting && picked.includes(photo.id)
            return (
              <View key={photo.id} className={`photo-grid__cell${chosen ? ' photo-grid__cell--picked' : ''}`}>
                <Image className="photo-grid__image" src={photo.thumbUrl} mode="aspectFill" lazyLoad onClick={() => (selecting ? toggle(photo) : preview(photo))} />
                {selecting && <Text className="photo-grid__check">{chosen ? String(picked.indexOf(photo.id) + 1) : ''}</Text>}
                {mayRemove && !selecting && (
                  <Text className="photo-grid__remove" onClick={() => void remove(photo)}>
                    ×
                  </Text>
                )}
              </View>
            )
          })}
        </View>
      )}
      {progress && (
        <View className="upload-progress">
          <Text className="upload-progress__text">{t('photos.uploading', { current: Math.min(progress.done + 1, progress.total), total: progress.total, percent: progress.percent })}</Text>
          <View className="upload-progress__bar">
            <View className="upload-progress__fill" style={{ width: `${Math.round(((progress.done + progress.percent / 100) / progress.total) * 100)}%` }} />
          </View>
        </View>
      )}
      {notice && <Text className="desk-note">{notice}</Text>}
      {failure !== undefined && <FormMessage message={failure instanceof UploadFailed ? t('photos.uploadFailed') : errorMessage(t, failure)} />}
      {(mayUpload || selecting) && (
        <View className="staff-order__buttons">
          {selecting && (
            <Button block type="primary" loading={confirming} disabled={picked.length === 0 || progress !== undefined} onClick={confirm}>
              {t('selection.confirm')}
            </Button>
          )}
          {mayUpload && (
            <Button block fill="outline" type="primary" loading={progress !== undefined} onClick={upload}>
              {kind === 'proof' ? t('photos.uploadProofs') : t('photos.uploadDesign')}
            </Button>
          )}
        </View>
      )}
    </Card>
  )
}
