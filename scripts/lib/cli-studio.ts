import { composeApp, composeOperatorTools } from '../../functions/composition'
import { loadConfig } from '../../functions/platform/config'
import { DEMO_STUDIO_CODE } from './demo-studio'

/** Where a command-line script finds its table: the local studio by default, a deployed one with STAGE and TABLE_NAME. */
export function cliTableConfig(env: Record<string, string | undefined> = process.env) {
  const stage = env.STAGE ?? 'local'
  const endpoint = env.DYNAMODB_ENDPOINT ?? (stage === 'local' ? `http://127.0.0.1:${env.DYNAMODB_PORT ?? 8000}` : undefined)
  return { stage, tableName: env.TABLE_NAME ?? `studio-erp-${stage}`, dynamoEndpoint: endpoint || undefined }
}

/**
 * Connects a command-line script to the stage's table: by default the local studio that
 * `npm start` runs (DynamoDB Local on DYNAMODB_PORT, 8000); on AWS set STAGE and TABLE_NAME
 * (and AWS_REGION).
 */
export function connectTable() {
  const table = cliTableConfig()
  const deps = composeApp(
    loadConfig({
      ...process.env,
      STAGE: table.stage,
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: table.dynamoEndpoint,
      // Scripts sign no sessions; the configuration check still wants a secret.
      SESSION_SECRET: process.env.SESSION_SECRET ?? 'command-line-scripts-sign-no-sessions',
    }),
  )
  return { deps, ...composeOperatorTools(table), table }
}

/** Says which table could not be reached, and how to start the local one. */
export function unreachable(table: { tableName: string; dynamoEndpoint?: string }, error: unknown): Error {
  const where = table.dynamoEndpoint ? ` at ${table.dynamoEndpoint} (is \`npm start\` running?)` : ''
  return new Error(`Cannot reach the table ${table.tableName}${where}: ${(error as Error).message}`)
}

/** Connects a command-line script to one studio's data (the demo studio unless a code is given). */
export async function connectStudio(studioCode = DEMO_STUDIO_CODE) {
  const connection = connectTable()
  let studio
  try {
    studio = await connection.deps.repo.findStudioByCode(studioCode)
  } catch (error) {
    throw unreachable(connection.table, error)
  }
  if (!studio) throw new Error(`No studio with the code "${studioCode}"`)
  return { ...connection, studio }
}

export function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}

/** Every value of an option given more than once (`--branch 静安店 --branch 徐汇店`). */
export function options(args: string[], name: string): string[] {
  return args.flatMap((arg, i) => (arg === `--${name}` && args[i + 1] !== undefined ? [args[i + 1]!] : []))
}

/** The failure line a script ends with: a domain error's fields, or the message. */
export function failureMessage(error: unknown): string {
  const e = error as { message: string; details?: { fields?: { path: string; message: string }[] } }
  const fields = e.details?.fields?.length ? `: ${e.details.fields.map((f) => `${f.path} ${f.message}`).join('; ')}` : ''
  return `✖ ${e.message}${fields}`
}
