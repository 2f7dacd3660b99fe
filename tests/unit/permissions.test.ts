import { mayCall, staffGrantViolation, branchScope } from '../../functions/domain/permissions'
import { operations } from '../../types/operations'
import type { Role } from '../../types/roles'
import { mayChangeAcross, roles, seesMoney } from '../../types/roles'

const op = (name: string) => {
  const found = operations.find((o) => o.name === name)
  if (!found) throw new Error(`no operation ${name}`)
  return found
}
const allowedRoles = (name: string) => roles.filter((role) => mayCall(op(name), [role]))

describe('the permission matrix', () => {
  it('lets anyone reach only the health check and the two sign-ins without a session', () => {
    expect(operations.filter((o) => o.access === 'public').map((o) => o.name).sort()).toEqual(
      ['auth.staffSignIn', 'auth.wechatSignIn', 'system.health'].sort(),
    )
  })

  it('gives staff management to managers and admins only', () => {
    for (const name of ['staff.list', 'staff.get', 'staff.create', 'staff.update', 'staff.setStatus', 'staff.resetPassword']) {
      expect(allowedRoles(name)).toEqual(['manager', 'admin'])
    }
    expect(allowedRoles('audit.list')).toEqual(['admin'])
  })

  it('lets only managers and admins edit the catalogue', () => {
    for (const name of ['catalog.createPackage', 'catalog.updatePackage', 'catalog.setPackageActive', 'catalog.reorderPackages', 'catalog.createProduct', 'catalog.updateProduct', 'catalog.saveCategories']) {
      expect(allowedRoles(name)).toEqual(['manager', 'admin'])
    }
  })

  it('gives the customer file to reception, finance, managers and admins, and imports to admins', () => {
    for (const name of ['customers.create', 'customers.update', 'customers.search', 'customers.history', 'followUps.due']) {
      expect(allowedRoles(name)).toEqual(['reception', 'finance', 'manager', 'admin'])
    }
    expect(allowedRoles('customers.import')).toEqual(['admin'])
  })

  it('lets only the desk confirm a booking, managers and admins set up a branch’s resources, and only admins the studio’s settings', () => {
    expect(allowedRoles('bookings.confirm')).toEqual(['manager', 'admin'])
    for (const name of ['branches.saveSchedule', 'rooms.save', 'staffSchedules.save']) {
      expect(allowedRoles(name)).toEqual(['manager', 'admin'])
    }
    for (const name of ['booking.savePolicy', 'orders.saveSettings']) expect(allowedRoles(name)).toEqual(['admin'])
    expect(allowedRoles('schedules.mine')).toEqual(['photographer', 'makeup'])
  })

  it('refuses a photographer every manager operation', () => {
    expect(mayCall(op('staff.create'), ['photographer'])).toBe(false)
    expect(mayCall(op('audit.list'), ['photographer'])).toBe(false)
    expect(mayCall(op('audit.list'), ['manager'])).toBe(false)
  })

  it('keeps customers to their own profile and bookings, the catalogue, sign-out and who-am-I', () => {
    const customerOps = operations.filter((o) => o.access !== 'public' && mayCall(o, ['customer'])).map((o) => o.name)
    expect(customerOps.sort()).toEqual(
      [
        'auth.me',
        'auth.signOut',
        'booking.getPolicy',
        'bookings.availability',
        'bookings.book',
        'bookings.cancel',
        'bookings.mine',
        'bookings.reschedule',
        'branches.list',
        'catalog.getPackage',
        'catalog.listCategories',
        'catalog.listPackages',
        'customers.confirmMyPhone',
        'customers.getMyProfile',
        'customers.updateMyProfile',
        'notices.mine',
        'notices.subscribe',
        'orders.get',
        'orders.mine',
        'payments.prepay',
        'payments.refresh',
        'payments.simulatePay',
        'photos.list',
        'proofs.decide',
        'selection.confirm',
        'selection.save',
        'survey.mine',
        'survey.rate',
      ].sort(),
    )
  })

  it('lets a person with two roles do what either role may', () => {
    const both: Role[] = ['photographer', 'manager']
    expect(mayCall(op('staff.list'), both)).toBe(true)
  })

  it('declares every operation with a method, a path and at least one role', () => {
    for (const o of operations) {
      expect(o.path).toMatch(/^\//)
      if (o.access !== 'public') expect(o.access.length).toBeGreaterThan(0)
    }
    const routes = operations.map((o) => `${o.method} ${o.path}`)
    expect(new Set(routes).size).toBe(routes.length)
  })
})

describe('who sees an order’s money', () => {
  it('shows it to the customer and the desk, never to the crew alone', () => {
    expect(roles.filter((role) => seesMoney([role]))).toEqual(['customer', 'reception', 'finance', 'manager', 'admin'])
    expect(seesMoney(['photographer', 'makeup', 'retoucher'])).toBe(false)
  })

  it('shows it to a crew member who also holds a desk role', () => {
    for (const desk of ['reception', 'finance', 'manager', 'admin'] as const) {
      expect(seesMoney(['photographer', desk])).toBe(true)
      expect(seesMoney([desk, 'makeup'])).toBe(true)
    }
  })

  it('opens the order with its payments to exactly those who see money', () => {
    expect(allowedRoles('orders.get')).toEqual(roles.filter((role) => seesMoney([role])))
    expect(allowedRoles('orders.getWork')).toEqual(expect.arrayContaining(['photographer', 'makeup', 'retoucher']))
  })
})

describe('who may manage whom', () => {
  const jingan = 'BRANCH-A'
  const xuhui = 'BRANCH-B'
  const manager = { roles: ['manager'] as Role[], branchId: jingan }
  const admin = { roles: ['admin'] as Role[], branchId: jingan }

  it('lets a manager create a photographer in their own branch', () => {
    expect(staffGrantViolation(manager, { branchId: jingan, roles: ['photographer'] })).toBeUndefined()
  })

  it('refuses a manager granting admin or manager', () => {
    expect(staffGrantViolation(manager, { branchId: jingan, roles: ['admin'] })).toMatch(/cannot grant admin/)
    expect(staffGrantViolation(manager, { branchId: jingan, roles: ['reception', 'manager'] })).toMatch(/cannot grant manager/)
  })

  it('refuses a manager touching another branch', () => {
    expect(staffGrantViolation(manager, { branchId: xuhui, roles: ['reception'] })).toMatch(/own branch/)
  })

  it('lets an admin do all of it, in any branch', () => {
    expect(staffGrantViolation(admin, { branchId: xuhui, roles: ['admin', 'manager'] })).toBeUndefined()
  })

  it('refuses anyone else', () => {
    expect(staffGrantViolation({ roles: ['reception'], branchId: jingan }, { branchId: jingan, roles: ['makeup'] })).toBeDefined()
  })

  it('scopes a manager to their branch and an admin to the whole studio', () => {
    expect(branchScope(manager)).toBe(jingan)
    expect(branchScope(admin)).toBeUndefined()
  })

  it('leaves the studio’s settings and packages sold beyond one branch to the admin', () => {
    expect(mayChangeAcross(admin)).toBe(true)
    expect(mayChangeAcross(admin, [jingan, xuhui])).toBe(true)
    expect(mayChangeAcross(manager)).toBe(false)
    expect(mayChangeAcross(manager, [jingan])).toBe(true)
    expect(mayChangeAcross(manager, [xuhui])).toBe(false)
    expect(mayChangeAcross(manager, [jingan, xuhui])).toBe(false)
    expect(mayChangeAcross(manager, [])).toBe(false)
    expect(mayChangeAcross({ roles: ['finance'], branchId: jingan }, [jingan])).toBe(false)
  })
})
