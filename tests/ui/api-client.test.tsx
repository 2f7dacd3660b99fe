/** @jest-environment jsdom */
import { request, reLaunch, resetTaro } from './taro-shim'
import { ApiError, call } from '../../src/api'
import { translator } from '../../src/i18n'
import { errorMessage } from '../../src/i18n/errors'
import { getSession, saveSession } from '../../src/session/store'
import { getStaff, listStaff, staffSignIn, updateMyProfile } from '../../types/operations'

const STAFF_ID = '01J0000000000000000000000A'
const principal = {
  kind: 'staff' as const,
  id: STAFF_ID,
  studioId: '01J0000000000000000000000B',
  studioName: '光影婚纱摄影',
  displayName: '陈静',
  roles: ['manager' as const],
  branchId: '01J0000000000000000000000C',
}
const member = {
  id: STAFF_ID,
  username: 'chenjing',
  displayName: '陈静',
  roles: ['manager'],
  branchId: '01J0000000000000000000000C',
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 3,
}

function answer(statusCode: number, data: unknown) {
  request.mockResolvedValueOnce({ statusCode, data, header: {}, errMsg: 'request:ok' })
}

function signedIn() {
  saveSession({ token: 'session-token', expiresAt: '2099-01-01T00:00:00.000Z', principal })
}

beforeEach(() => resetTaro())

describe('the API client', () => {
  it('puts path parameters in the path and sends the bearer token', async () => {
    signedIn()
    answer(200, member)
    await expect(call(getStaff, { staffId: STAFF_ID })).resolves.toMatchObject({ username: 'chenjing', version: 3 })
    const sent = request.mock.calls[0][0]
    expect(sent.url).toBe(`/api/staff/${STAFF_ID}`)
    expect(sent.method).toBe('GET')
    expect(sent.header.Authorization).toBe('Bearer session-token')
  })

  it('sends the rest of a GET as the query string', async () => {
    signedIn()
    answer(200, { items: [] })
    await call(listStaff, { includeDisabled: 'true' })
    expect(request.mock.calls[0][0].url).toBe('/api/staff?includeDisabled=true')
  })

  it('sends other methods a JSON body without the path parameters', async () => {
    answer(200, { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', principal, deviceToken: 'd' })
    await call(staffSignIn, { studioCode: 'demo', username: 'chenjing', password: 'secret' })
    const sent = request.mock.calls[0][0]
    expect(sent.method).toBe('POST')
    expect(sent.data).toEqual({ studioCode: 'demo', username: 'chenjing', password: 'secret' })
  })

  it('never lets bad input leave the phone, and names the field', async () => {
    const failure = await call(updateMyProfile, { phone: '12345' }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ApiError)
    expect(failure).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'phone' })] })
    expect(request).not.toHaveBeenCalled()
  })

  it('turns the API error body into an ApiError with its code, fields and status', async () => {
    answer(401, { error: { code: 'INVALID_CREDENTIALS', message: 'Wrong user name or password', requestId: 'r1' } })
    await expect(call(staffSignIn, { studioCode: 'demo', username: 'chenjing', password: 'wrong' })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
      status: 401,
      requestId: 'r1',
    })
  })

  it('tells the desk every material short when a stage change is refused for stock, in its language', async () => {
    signedIn()
    const album = { itemId: '01J0000000000000000000000D', name: '水晶相册 12寸', unit: '本', needed: 2, onHand: 1, short: 1 }
    answer(409, { error: { code: 'STOCK_SHORT', message: 'Not enough stock', details: { shortages: [album] } } })
    const refusal = await call(getStaff, { staffId: STAFF_ID }).catch((error: unknown) => error)
    expect(refusal).toMatchObject({ code: 'STOCK_SHORT', shortages: [album] })
    expect(errorMessage(translator('zh-CN'), refusal)).toBe('库存不足，未做任何更改\n水晶相册 12寸 缺 1本（需 2，现有 1）')
    expect(errorMessage(translator('en-US'), refusal)).toBe('Not enough stock; nothing was changed\n水晶相册 12寸: short by 1 本 (needs 2, has 1)')
  })

  it('refuses an answer that breaks the contract instead of passing it to a page', async () => {
    signedIn()
    answer(200, { ...member, roles: [] })
    await expect(call(getStaff, { staffId: STAFF_ID })).rejects.toMatchObject({ code: 'INTERNAL' })
  })

  it('forgets an expired session and sends the person to sign in', async () => {
    signedIn()
    answer(401, { error: { code: 'SESSION_EXPIRED', message: 'Session expired' } })
    await expect(call(getStaff, { staffId: STAFF_ID })).rejects.toMatchObject({ code: 'SESSION_EXPIRED' })
    expect(getSession()).toBeNull()
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })

  it('reports a request that never got an answer as NETWORK', async () => {
    request.mockRejectedValueOnce({ errMsg: 'request:fail timeout' })
    await expect(call(staffSignIn, { studioCode: 'demo', username: 'chenjing', password: 'x' })).rejects.toMatchObject({
      code: 'NETWORK',
    })
  })
})
