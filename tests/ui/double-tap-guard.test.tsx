/** @jest-environment ./tests/support/jsdom-with-node.js */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { asApiError, call } from '../../src/api'
import { NOTHING_DONE, SETTLE_MS, useSubmit } from '../../src/hooks/useSubmit'
import { saveSession } from '../../src/session/store'
import { book } from '../../types/booking-operations'
import { prepay } from '../../types/payment-operations'
import { availability, myAppointments } from '../../types/scheduling-operations'
import { bookableStudioOverHttp, freeSlots } from '../support/bookable'
import { shanghaiDay } from '../support/booking'
import { apiUrl, http, ok } from '../support/http'
import { request, requestOverHttp } from './taro-shim'

/**
 * The guard against a double tap (useSubmit), with the app's own client talking to the API under
 * test: after an action that wrote something, a tap within SETTLE_MS is the same finger's second tap
 * and is ignored; after an action that wrote nothing, the next tap is the person's own and is taken.
 */

/** One button whose action becomes the next step after each tap, as a page's button does (接单 → 完成). */
function StepButton({ next }: { next: { action: () => Promise<unknown>; answers: Promise<boolean>[] } }) {
  const form = useSubmit()
  return <button onClick={() => next.answers.push(form.run('step', next.action))}>{form.saving ? 'busy' : 'step'}</button>
}

let setting: Awaited<ReturnType<typeof bookableStudioOverHttp>>
let slots: { startsAt: string }[]
const next = { action: async (): Promise<unknown> => undefined, answers: [] as Promise<boolean>[] }

/** Taps the button with `action` as its step; answers whether the tap was taken and succeeded. */
async function tap(action: () => Promise<unknown>): Promise<boolean> {
  next.action = action
  const before = next.answers.length
  fireEvent.click(screen.getByRole('button'))
  expect(next.answers).toHaveLength(before + 1)
  let answer = false
  await act(async () => {
    answer = await next.answers[before]!
  })
  return answer
}

/** A customer signed in with the simulated WeChat sign-in, as the app keeps them. */
async function customerSignsIn(nickname: string) {
  const answer = ok(await http('POST', '/auth/wechat/sign-in', { body: { studioCode: setting.studio.code, code: `dev:${nickname}`, nickname } }), 'customer sign-in')
  saveSession({ token: answer.token, expiresAt: answer.expiresAt, principal: answer.principal })
  return answer.token as string
}

const bookAt = (startsAt: string) => () => call(book, { packageId: setting.pkg.id, branchId: setting.branchId, startsAt })
const bookedTimes = async () => (await call(myAppointments, {})).items.map((appointment) => appointment.startsAt).sort()
const HOUR = 3_600_000
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  process.env.TARO_APP_API_BASE = apiUrl()
  request.mockImplementation(requestOverHttp)
  setting = await bookableStudioOverHttp('双击测试影楼', '双击套系')
  // Times a day or more ahead (as a customer books), far enough apart that booking one takes no other.
  slots = []
  for (const slot of await freeSlots(setting.manager, setting.pkg.id, setting.branchId)) {
    const startsAt = Date.parse(slot.startsAt)
    const previous = slots.at(-1)
    if (startsAt > Date.now() + 26 * HOUR && (!previous || startsAt >= Date.parse(previous.startsAt) + 3 * HOUR)) slots.push(slot)
  }
  expect(slots.length).toBeGreaterThan(10)
})

beforeEach(() => {
  next.answers = []
  render(<StepButton next={next} />)
})

describe('a tap right after an action', () => {
  it('is taken when the action was refused and handled on the page: a time just taken, then a suggested one', async () => {
    const other = await customerSignsIn('先订的客人')
    ok(await http('POST', '/bookings', { token: other, body: { packageId: setting.pkg.id, branchId: setting.branchId, startsAt: slots[0]!.startsAt } }), 'the other booking')
    await customerSignsIn('晚一步的客人')
    const refusals: string[] = []
    const bookOrHearWhy = (startsAt: string) => async () => {
      try {
        await bookAt(startsAt)()
      } catch (failure) {
        // As the booking page does: the calendar offers the next free times instead of an error.
        if (asApiError(failure).code !== 'SLOT_TAKEN') throw failure
        refusals.push('SLOT_TAKEN')
      }
    }

    await tap(bookOrHearWhy(slots[0]!.startsAt))
    expect(refusals).toEqual(['SLOT_TAKEN'])
    expect(await tap(bookOrHearWhy(slots[1]!.startsAt))).toBe(true)
    expect(refusals).toEqual(['SLOT_TAKEN'])
    expect(await bookedTimes()).toEqual([slots[1]!.startsAt])
  })

  it('is taken when the person backed out of the confirmation, so nothing was written', async () => {
    await customerSignsIn('犹豫的客人')
    const confirms = [false, true]
    const bookIfConfirmed = async () => {
      if (!confirms.shift()) return
      await bookAt(slots[2]!.startsAt)()
    }

    await tap(bookIfConfirmed)
    expect(await tap(bookIfConfirmed)).toBe(true)
    expect(await bookedTimes()).toEqual([slots[2]!.startsAt])
  })

  it('is taken when the action only read (a refresh)', async () => {
    await customerSignsIn('刷新的客人')
    const refresh = () => call(availability, { packageId: setting.pkg.id, branchId: setting.branchId, from: shanghaiDay(0), to: shanghaiDay(6) })

    expect(await tap(refresh)).toBe(true)
    expect(await tap(bookAt(slots[3]!.startsAt))).toBe(true)
    expect(await bookedTimes()).toEqual([slots[3]!.startsAt])
  })

  it('is ignored within half a second of a booking that went through, and taken after it', async () => {
    await customerSignsIn('手快的客人')

    expect(await tap(bookAt(slots[4]!.startsAt))).toBe(true)
    // The same finger's second tap lands on what the button has just become: nothing is sent.
    expect(await tap(bookAt(slots[5]!.startsAt))).toBe(false)
    expect(await bookedTimes()).toEqual([slots[4]!.startsAt])

    await pause(SETTLE_MS + 50)
    expect(await tap(bookAt(slots[5]!.startsAt))).toBe(true)
    expect(await bookedTimes()).toEqual([slots[4]!.startsAt, slots[5]!.startsAt])
  })

  it('is taken when the person backed out after something was written (a charge prepared, the pay sheet closed), and the action answers it did not succeed', async () => {
    await customerSignsIn('关掉支付的客人')
    const appointment = await call(book, { packageId: setting.pkg.id, branchId: setting.branchId, startsAt: slots[6]!.startsAt })
    const prepayThenClose = async () => {
      await call(prepay, { orderId: appointment.orderId, kind: 'deposit' })
      return NOTHING_DONE
    }

    expect(await tap(prepayThenClose)).toBe(false)
    expect(await tap(bookAt(slots[7]!.startsAt))).toBe(true)
    expect(await bookedTimes()).toEqual([slots[6]!.startsAt, slots[7]!.startsAt])
  })
})
