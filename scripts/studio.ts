/**
 * Opening studios on a stage (the local one by default; STAGE, TABLE_NAME and AWS_REGION
 * point it at a deployed table):
 *   npm run studio -- create --code CODE --name NAME --branch NAME [--branch NAME…] --admin USERNAME
 *                             [--admin-name NAME] [--time-zone Asia/Shanghai] [--password-stdin]
 *   npm run studio -- list
 *   npm run studio -- add-branch --studio CODE --branch NAME [--address TEXT] [--phone TEXT]
 * The first administrator's password is generated and printed once (or read from stdin with
 * --password-stdin); it is never logged or stored anywhere but as its hash.
 */
import { randomBytes } from 'node:crypto'
import { text } from 'node:stream/consumers'
import type { z } from 'zod'
import { fieldIssues } from '../functions/api/dispatch'
import { DomainError } from '../functions/domain/errors'
import { addBranch } from '../functions/studio/add-branch'
import { provisionStudio } from '../functions/studio/provision-studio'
import { NewBranchSchema, StudioOpeningSchema } from '../types/studio'
import { connectTable, failureMessage, option, options, unreachable } from './lib/cli-studio'

const USAGE = `Usage:
  npm run studio -- create --code CODE --name NAME --branch NAME [--branch NAME…] --admin USERNAME [--admin-name NAME] [--time-zone ZONE] [--password-stdin]
  npm run studio -- list
  npm run studio -- add-branch --studio CODE --branch NAME [--address TEXT] [--phone TEXT]`

/** Parses the whole input before anything is written; a bad field names itself. */
function checked<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) throw new DomainError('VALIDATION_FAILED', 'Some options are not valid', { fields: fieldIssues(parsed.error) })
  return parsed.data
}

/** A password of 20 URL-safe characters (120 random bits). */
const generatePassword = () => randomBytes(15).toString('base64url')

async function create(args: string[]) {
  const givenOnStdin = args.includes('--password-stdin')
  const password = givenOnStdin ? (await text(process.stdin)).replace(/\r?\n$/, '') : generatePassword()
  const username = option(args, 'admin')
  const opening = checked(StudioOpeningSchema, {
    code: option(args, 'code'),
    name: option(args, 'name'),
    timeZone: option(args, 'time-zone'),
    branches: options(args, 'branch').map((name) => ({ name })),
    admin: { username, displayName: option(args, 'admin-name') ?? username, password },
  })
  const { deps, table } = connectTable()
  if (await deps.repo.findStudioByCode(opening.code).catch((error) => Promise.reject(unreachable(table, error)))) {
    throw new DomainError('CONFLICT', `The studio code ${opening.code} is taken`)
  }
  console.log(`Opening ${opening.name} (${opening.code}) in ${table.tableName}…`)
  const { studio, branches, admin } = await provisionStudio(deps, opening)
  console.log(`✔ Studio ${studio.code} opened: ${studio.name}, time zone ${studio.timeZone}`)
  for (const branch of branches) console.log(`  branch ${branch.name} (${branch.id})`)
  console.log(`  administrator ${admin.username} (${admin.displayName}), branch ${branches[0]!.name}`)
  if (!givenOnStdin) {
    console.log(`\n  Password of ${admin.username}, shown this once: ${password}`)
    console.log('  Sign in with studio code, user name and this password, then change it (我的 → 修改密码).')
  }
}

async function list() {
  const { studios, table } = connectTable()
  const all = await studios.listStudios().catch((error) => Promise.reject(unreachable(table, error)))
  console.log(`${all.length} studio${all.length === 1 ? '' : 's'} in ${table.tableName}`)
  for (const { studio, branches } of all) console.log(`  ${studio.code.padEnd(20)} ${studio.name}  (${studio.timeZone}, ${branches} branch${branches === 1 ? '' : 'es'})`)
}

async function openBranch(args: string[]) {
  const code = option(args, 'studio')
  if (!code) throw new DomainError('VALIDATION_FAILED', 'Some options are not valid', { fields: [{ path: 'studio', message: 'is required' }] })
  const branch = checked(NewBranchSchema, { name: option(args, 'branch'), address: option(args, 'address'), phone: option(args, 'phone') })
  const connection = connectTable()
  const created = await addBranch({ repo: connection.deps.repo, studios: connection.studios }, code.trim().toLowerCase(), branch)
  console.log(`✔ Branch ${created.name} (${created.id}) opened in ${code}`)
}

async function main() {
  const [command, ...args] = process.argv.slice(2)
  if (command === 'create') await create(args)
  else if (command === 'list') await list()
  else if (command === 'add-branch') await openBranch(args)
  else {
    console.error(USAGE)
    process.exit(2)
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(failureMessage(error))
    process.exit(1)
  },
)
