import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { createServer } from 'node:net'

/** Environment for every Serverless Framework run: nothing phones home. */
export const quietServerlessEnv = { SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', SLS_DEPRECATION_DISABLE: '*' }

const children = new Set<ChildProcess>()

/** Remembers a child so stopAllChildren stops it too. */
export function track(child: ChildProcess): ChildProcess {
  children.add(child)
  child.on('exit', () => children.delete(child))
  return child
}

/** Starts a child in its own process group, so stopping it also stops everything it started. */
export function startChild(command: string, args: string[], options: SpawnOptions & { label: string; quiet?: boolean }): ChildProcess {
  const child = track(spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }))
  const prefix = `[${options.label}] `
  const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    if (options.quiet) return
    for (const line of chunk.toString().split('\n')) if (line.trim()) stream.write(prefix + line + '\n')
  }
  child.stdout?.on('data', forward(process.stdout))
  child.stderr?.on('data', forward(process.stderr))
  return child
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve()
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        /* already gone */
      }
    }, 5000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    try {
      process.kill(-child.pid, signal)
    } catch {
      clearTimeout(timer)
      resolve()
    }
  })
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c)))
}

/** A service that answers, but not with what it should: waiting longer will not help. */
export class NotReadyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NotReadyError'
  }
}

/** Polls until `check` resolves truthy, failing with `what` after `timeoutMs` (at once when `check` throws NotReadyError). */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${what}: the process exited with code ${child.exitCode}`)
    try {
      if (await check()) return
    } catch (error) {
      if (error instanceof NotReadyError) throw new Error(`${what} is broken: ${error.message}`)
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000}s`)
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** Fails with a clear message when something already listens on the port. */
export function assertPortFree(port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', () =>
      reject(new Error(`Port ${port} for ${what} is already in use (another \`npm start\`?). Stop it, or choose another port with the environment variable shown in README.`)),
    )
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()))
  })
}
