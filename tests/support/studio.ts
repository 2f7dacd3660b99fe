import { randomBytes } from 'node:crypto'
import { CreateTableCommand } from '@aws-sdk/client-dynamodb'
import type { AppDeps } from '../../functions/api/implementations'
import { composeApp } from '../../functions/composition'
import { loadConfig } from '../../functions/platform/config'
import { tableDefinition } from '../../functions/store/table'
import { addStaff, provisionStudio } from '../../functions/studio/provision-studio'
import { localClient } from '../../scripts/lib/dynamodb-local'
import type { StaffRole } from '../../types/roles'
import { TEST_PASSWORD, TEST_SESSION_SECRET, TEST_TABLE } from './constants'

export function endpoint(): string {
  const value = process.env.TEST_DYNAMODB_ENDPOINT
  if (!value) throw new Error('DynamoDB Local is not running: run the tests through jest (global setup)')
  return value
}

export function depsFor(tableName: string): AppDeps {
  return composeApp(
    loadConfig({ STAGE: 'test', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint(), SESSION_SECRET: TEST_SESSION_SECRET }),
  )
}

/** Creates a fresh, uniquely named table in DynamoDB Local and returns its name. */
export async function newTable(prefix = 'it'): Promise<string> {
  const tableName = `${prefix}-${randomBytes(6).toString('hex')}`
  await localClient(endpoint()).send(new CreateTableCommand(tableDefinition(tableName)))
  return tableName
}

/** A fresh table of its own, for an integration test file. */
export async function isolatedTable(): Promise<{ tableName: string; deps: AppDeps }> {
  const tableName = await newTable()
  return { tableName, deps: depsFor(tableName) }
}

export const uniqueCode = (prefix = 't') => `${prefix}-${randomBytes(5).toString('hex')}`

export const staffRolesForTests: StaffRole[] = ['reception', 'photographer', 'makeup', 'retoucher', 'finance', 'manager']

/**
 * A studio of its own with two branches, an admin, and one account per staff role in the
 * first branch (user names are the role codes), plus a manager in the second branch.
 */
export async function newStudio(deps: AppDeps = depsFor(TEST_TABLE), name = 'Test Studio') {
  const code = uniqueCode()
  const { studio, branches, admin } = await provisionStudio(deps, {
    code,
    name,
    branches: [
      { name: 'Jing’an', address: 'Nanjing Rd W', phone: '021-1' },
      { name: 'Xuhui', address: 'Hengshan Rd', phone: '021-2' },
    ],
    admin: { username: 'admin', displayName: 'Admin', password: TEST_PASSWORD },
  })
  const staff: Record<string, Awaited<ReturnType<typeof addStaff>>> = { admin }
  for (const role of staffRolesForTests) {
    staff[role] = await addStaff(deps, studio.id, { username: role, displayName: role, password: TEST_PASSWORD, roles: [role], branchId: branches[0]!.id })
  }
  staff['manager2'] = await addStaff(deps, studio.id, {
    username: 'manager2',
    displayName: 'Second-branch manager',
    password: TEST_PASSWORD,
    roles: ['manager'],
    branchId: branches[1]!.id,
  })
  return { studio, branches, staff, code }
}
