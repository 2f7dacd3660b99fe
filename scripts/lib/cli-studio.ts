import { composeApp } from '../../functions/composition'
import { loadConfig } from '../../functions/platform/config'
import { DEMO_STUDIO_CODE } from './demo-studio'

/**
 * Connects a command-line script to a studio's data: by default the local studio that
 * `npm start` runs (DynamoDB Local on DYNAMODB_PORT, 8000); on AWS set STAGE and TABLE_NAME.
 */
export async function connectStudio(studioCode = DEMO_STUDIO_CODE) {
  const stage = process.env.STAGE ?? 'local'
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? (stage === 'local' ? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}` : undefined)
  const deps = composeApp(
    loadConfig({
      ...process.env,
      STAGE: stage,
      TABLE_NAME: process.env.TABLE_NAME ?? `studio-erp-${stage}`,
      DYNAMODB_ENDPOINT: endpoint,
      // Scripts sign no sessions; the configuration check still wants a secret.
      SESSION_SECRET: process.env.SESSION_SECRET ?? 'command-line-scripts-sign-no-sessions',
    }),
  )
  let studio
  try {
    studio = await deps.repo.findStudioByCode(studioCode)
  } catch (error) {
    throw new Error(`Cannot reach the studio's table${endpoint ? ` at ${endpoint} (is \`npm start\` running?)` : ''}: ${(error as Error).message}`)
  }
  if (!studio) throw new Error(`No studio with the code "${studioCode}"`)
  return { deps, studio }
}

export function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
