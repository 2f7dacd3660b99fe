import { http, signIn } from '../support/http'
import { newStudio } from '../support/studio'

describe('studio isolation of the customer file', () => {
  it('keeps every customer operation of studio B away from studio A’s customers', async () => {
    const [a, b] = await Promise.all([newStudio(undefined, 'A'), newStudio(undefined, 'B')])
    const [receptionA, receptionB, adminB] = await Promise.all([signIn(a.code, 'reception'), signIn(b.code, 'reception'), signIn(b.code, 'admin')])
    const mine = (await http('POST', '/customers', { token: receptionA, body: { name: 'Only in A', phone: '13312345678', tags: ['a-only'], source: 'douyin' } })).body
    const followUp = (await http('POST', `/customers/${mine.id}/follow-ups`, { token: receptionA, body: { dueDate: '2026-01-01', note: 'call' } })).body

    expect((await http('GET', `/customers/${mine.id}`, { token: receptionB })).status).toBe(404)
    expect((await http('GET', `/customers/${mine.id}/history`, { token: receptionB })).status).toBe(404)
    expect((await http('PATCH', `/customers/${mine.id}`, { token: receptionB, body: { version: 1, notes: 'x' } })).status).toBe(404)
    expect((await http('POST', `/customers/${mine.id}/follow-ups`, { token: receptionB, body: { dueDate: '2026-01-01', note: 'x' } })).status).toBe(404)
    expect((await http('POST', `/customers/${mine.id}/follow-ups/${followUp.id}/outcome`, { token: receptionB, body: { outcome: 'reached' } })).status).toBe(404)
    for (const query of ['q=5678', 'q=13312345678', 'q=Only', 'tag=a-only', 'source=douyin']) {
      expect((await http('GET', `/customers?${query}`, { token: receptionB })).body.items).toEqual([])
    }
    expect((await http('GET', '/follow-ups/due', { token: receptionB })).body.items).toEqual([])
    expect((await http('GET', '/customers/export', { token: adminB })).body.rows).toBe(0)
    // The same phone is free in studio B: uniqueness is per studio.
    expect((await http('POST', '/customers', { token: receptionB, body: { name: 'Same phone in B', phone: '13312345678' } })).status).toBe(200)
    expect((await http('GET', `/customers/${mine.id}`, { token: receptionA })).body.notes).toBeUndefined()
  })
})
