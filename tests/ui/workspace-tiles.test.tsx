import type { Principal } from '../../types/entities'
import type { Role } from '../../types/roles'
import { canUse } from '../../src/lib/access'
import { tiles, type TileKey } from '../../src/staff/tiles'

function tilesOf(...roles: Role[]): TileKey[] {
  const principal: Principal = {
    kind: 'staff',
    id: '01J0000000000000000000000A',
    studioId: '01J0000000000000000000000B',
    studioName: '光影婚纱摄影',
    displayName: '测试',
    roles: roles as Principal['roles'],
  }
  return tiles.filter((tile) => canUse(principal, tile.access)).map((tile) => tile.key)
}

describe('the staff workspace', () => {
  it('gives reception the front desk: customers, bookings, the order desk (where payments are taken) and the production queue', () => {
    expect(tilesOf('reception')).toEqual(['customers', 'bookings', 'orders', 'productionQueue', 'myCommission'])
  })

  it('gives a photographer and a makeup artist their own day and week, the photographer the production queue for proofs, nothing to manage', () => {
    expect(tilesOf('photographer')).toEqual(['myDay', 'myWeek', 'productionQueue', 'myCommission'])
    expect(tilesOf('makeup')).toEqual(['myDay', 'myWeek', 'myCommission'])
  })

  it('gives a retoucher the production queue', () => {
    expect(tilesOf('retoucher')).toEqual(['productionQueue', 'myCommission'])
  })

  it('gives finance the payment audit and the finance workspace (expenses, the daily close, commission)', () => {
    expect(tilesOf('finance')).toEqual(expect.arrayContaining(['paymentAudit', 'finance', 'myCommission']))
    expect(tilesOf('finance')).not.toContain('staff')
  })

  it('gives a manager reports, staff, packages, inventory and booking setup but not the studio settings, the order settings or the studio-wide audit log', () => {
    expect(tilesOf('manager')).toEqual(expect.arrayContaining(['reports', 'staff', 'packages', 'inventory', 'bookingSetup']))
    expect(tilesOf('manager')).toEqual(expect.arrayContaining(['orders', 'productionQueue', 'paymentAudit', 'overdueOrders']))
    expect(tilesOf('manager')).not.toContain('orderSettings')
    expect(tilesOf('admin')).toEqual(expect.arrayContaining(['orderSettings', 'bookingSetup']))
    expect(tilesOf('manager')).not.toContain('auditLog')
    expect(tilesOf('manager')).not.toEqual(expect.arrayContaining(['settings']))
    expect(tilesOf('manager')).not.toContain('import')
    expect(tilesOf('manager')).not.toContain('backup')
  })

  it('gives an admin every tile but the shooting staff’s own day and week, which would only say no', () => {
    expect(tilesOf('admin')).toEqual(tiles.map((tile) => tile.key).filter((key) => key !== 'myDay' && key !== 'myWeek'))
  })

  it('adds up the tiles of someone with two roles', () => {
    expect(tilesOf('reception', 'photographer')).toEqual(['customers', 'bookings', 'orders', 'myDay', 'myWeek', 'productionQueue', 'myCommission'])
  })
})
