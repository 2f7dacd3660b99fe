import { View, Text } from '@tarojs/components'
import { LocaleSchema } from '../../types/common'
import { useI18n } from '../i18n'
import './LanguageSwitch.scss'

/** Each language is named in itself (both dictionaries agree), so a person can find theirs whatever is showing. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n()
  return (
    <View className="language-switch" aria-label={t('settings.language')}>
      {LocaleSchema.options.map((code) => (
        <Text
          key={code}
          className={`language-switch__option${code === locale ? ' language-switch__option--active' : ''}`}
          onClick={() => setLocale(code)}
        >
          {t(`locale.${code}`)}
        </Text>
      ))}
    </View>
  )
}

/** The language row of a settings card: its label, then the switch. */
export function LanguageSetting() {
  const { t } = useI18n()
  return (
    <View className="language-setting">
      <Text>{t('settings.language')}</Text>
      <LanguageSwitch />
    </View>
  )
}
