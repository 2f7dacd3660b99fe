/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { FormField } from '../../src/components/FormField'
import { LanguageSwitch } from '../../src/components/LanguageSwitch'
import { setLocale, useI18n } from '../../src/i18n'
import { errorMessage } from '../../src/i18n/errors'
import { ApiError } from '../../src/api'
import { resetTaro } from './taro-shim'

function SignInTitle() {
  const { t } = useI18n()
  return <h1>{t('login.staffTitle')}</h1>
}

beforeEach(() => {
  resetTaro()
  act(() => setLocale('zh-CN'))
})

describe('the language switch', () => {
  it('names each language in itself and switches the whole app to English, remembering the choice', () => {
    render(
      <>
        <SignInTitle />
        <LanguageSwitch />
      </>,
    )
    expect(screen.getByRole('heading').textContent).toBe('员工登录')
    fireEvent.click(screen.getByText('English'))
    expect(screen.getByRole('heading').textContent).toBe('Staff sign-in')
    expect(Taro.getStorageSync('studio-erp.locale')).toBe('en-US')
  })
})

describe('error messages', () => {
  it('come from the error code in the chosen language, never from the server text', () => {
    const locked = new ApiError('ACCOUNT_LOCKED', 'Account locked until 10:15')
    const { t } = renderTranslator()
    expect(errorMessage(t, locked)).toContain('锁定')
    expect(errorMessage(t, locked)).not.toContain('Account locked')
  })
})

describe('a form field', () => {
  it('shows its error in place of its hint', () => {
    const { rerender } = render(
      <FormField label="手机号" hint="11 位手机号">
        <input />
      </FormField>,
    )
    expect(screen.getByText('11 位手机号')).toBeTruthy()
    rerender(
      <FormField label="手机号" hint="11 位手机号" error="请输入 11 位手机号">
        <input />
      </FormField>,
    )
    expect(screen.queryByText('11 位手机号')).toBeNull()
    expect(screen.getByText('请输入 11 位手机号')).toBeTruthy()
  })
})

function renderTranslator() {
  let captured: ReturnType<typeof useI18n> | undefined
  function Capture() {
    captured = useI18n()
    return null
  }
  render(<Capture />)
  if (!captured) throw new Error('useI18n did not render')
  return captured
}
