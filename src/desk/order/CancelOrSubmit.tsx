import { View } from '@tarojs/components'
import { useI18n } from '../../i18n'
import { Button } from '../../components/ui'

/** The foot of a form opened inside the order page: Cancel, and its action beside it. */
export function CancelOrSubmit({ label, saving, onSubmit, onCancel }: { label: string; saving: boolean; onSubmit: () => void; onCancel: () => void }) {
  const { t } = useI18n()
  return (
    <View className="staff-order__inline-buttons">
      <Button size="small" fill="none" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button size="small" type="primary" loading={saving} onClick={onSubmit}>
        {label}
      </Button>
    </View>
  )
}
