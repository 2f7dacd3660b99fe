/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { ApiError } from '../../src/api'
import { useDraft } from '../../src/hooks/useDraft'
import { useSubmit } from '../../src/hooks/useSubmit'
import { setLocale } from '../../src/i18n'
import { resetTaro, showToast } from './taro-shim'

/** An answer the test gives when it chooses, so what the page shows meanwhile can be seen. */
function later<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const phoneRefused = () =>
  new ApiError('VALIDATION_FAILED', 'phone: invalid', { fields: [{ path: 'phone', message: 'must be a mainland mobile number' }] })

function AddCustomer({ send }: { send: () => Promise<unknown> }) {
  const form = useSubmit()
  return (
    <div>
      <p data-testid="phone-error">{form.fields.phone ?? ''}</p>
      <p data-testid="message">{form.message ?? ''}</p>
      <button disabled={form.saving} onClick={() => form.submit(send)}>
        {form.saving ? 'saving' : 'save'}
      </button>
      <button onClick={() => form.submit(send)}>save again</button>
    </div>
  )
}

beforeEach(() => {
  resetTaro()
  act(() => setLocale('zh-CN'))
})

describe('an action started from a button', () => {
  it('shows it is saving, ignores a second tap meanwhile, then shows what was wrong beside the field', async () => {
    const answers = [later<unknown>(), later<unknown>()]
    let calls = 0
    const send = jest.fn(() => answers[calls++]!.promise)
    render(<AddCustomer send={send} />)

    fireEvent.click(screen.getByText('save'))
    expect(screen.getByText('saving')).toBeTruthy()
    fireEvent.click(screen.getByText('save again'))
    expect(send).toHaveBeenCalledTimes(1)

    await act(async () => answers[0]!.reject(phoneRefused()))
    expect(screen.getByText('save')).toBeTruthy()
    expect(screen.getByTestId('phone-error').textContent).toBe('请输入 11 位手机号，境外号码请以 + 和国家码开头')
    expect(screen.getByTestId('message').textContent).toBe('请按提示修改标红的内容')

    fireEvent.click(screen.getByText('save'))
    expect(screen.getByTestId('phone-error').textContent).toBe('')
    await act(async () => answers[1]!.resolve(undefined))
    expect(send).toHaveBeenCalledTimes(2)
    expect(screen.getByTestId('message').textContent).toBe('')
  })

  it('says in the person’s language what a failure without fields was, and lets them try again', async () => {
    const send = jest.fn().mockRejectedValueOnce(new ApiError('RATE_LIMITED', 'Too many requests')).mockResolvedValueOnce(undefined)
    render(<AddCustomer send={send} />)
    await act(async () => fireEvent.click(screen.getByText('save')))
    expect(screen.getByTestId('message').textContent).toBe('操作太频繁，请稍后再试')
    await act(async () => fireEvent.click(screen.getByText('save')))
    expect(screen.getByTestId('message').textContent).toBe('')
  })
})

interface Limits {
  holdMinutes: number
}

function HoldSetting({ saved, save }: { saved: Limits; save: (limits: Limits) => Promise<Limits> }) {
  const form = useDraft({ load: async () => saved, deps: [], enabled: true, draftOf: (limits: Limits) => ({ hold: String(limits.holdMinutes) }), save: (draft) => save({ holdMinutes: Number(draft.hold) }) })
  if (!form.draft) return <p>loading</p>
  const { draft, setDraft } = form
  return (
    <div>
      <input aria-label="hold" value={draft.hold} onChange={(event) => setDraft({ hold: event.target.value })} />
      <p data-testid="message">{form.message ?? ''}</p>
      <button onClick={form.save}>{form.saving ? 'saving' : 'save'}</button>
    </div>
  )
}

describe('a settings page', () => {
  it('loads what is saved, and after saving shows what the studio now has with a “saved” toast', async () => {
    const save = jest.fn(async ({ holdMinutes }: Limits) => ({ holdMinutes: Math.round(holdMinutes) }))
    render(<HoldSetting saved={{ holdMinutes: 30 }} save={save} />)
    const hold = (await screen.findByLabelText('hold')) as HTMLInputElement
    expect(hold.value).toBe('30')

    fireEvent.change(hold, { target: { value: '44.6' } })
    await act(async () => fireEvent.click(screen.getByText('save')))
    expect(save).toHaveBeenCalledWith({ holdMinutes: 44.6 })
    expect((screen.getByLabelText('hold') as HTMLInputElement).value).toBe('45')
    expect(showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' })
  })

  it('keeps the person’s typing and says why when saving fails', async () => {
    const save = jest.fn(async () => {
      throw new ApiError('FORBIDDEN', 'not allowed')
    })
    render(<HoldSetting saved={{ holdMinutes: 30 }} save={save} />)
    fireEvent.change(await screen.findByLabelText('hold'), { target: { value: '90' } })
    await act(async () => fireEvent.click(screen.getByText('save')))
    expect((screen.getByLabelText('hold') as HTMLInputElement).value).toBe('90')
    expect(screen.getByTestId('message').textContent).toBe('没有权限')
    expect(showToast).not.toHaveBeenCalled()
  })
})
