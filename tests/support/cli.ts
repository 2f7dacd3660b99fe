import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { endpoint } from './studio'

const root = resolve(__dirname, '../..')

/**
 * Runs an npm script's TypeScript entry (scripts/<name>.ts) as an operator would, against a
 * table of DynamoDB Local, with `stdin` piped in. Resolves with its exit code and output.
 */
export function runScript(script: string, args: string[], tableName: string, stdin = '', env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(resolve(root, 'node_modules/.bin/tsx'), [resolve(root, 'scripts', `${script}.ts`), ...args], {
      cwd: root,
      env: { ...process.env, STAGE: 'test', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint(), ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', fail)
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }))
    child.stdin.end(stdin)
  })
}
