/**
 * A progress line for long commands: rewritten in place on a terminal, a new line at most
 * every few seconds otherwise (logs, CI), and always the last state when it is done.
 */
export function progressLine(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now()
  let last = 0
  let pending = ''
  const write = (text: string, final: boolean) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    const line = `  ${label}: ${text} (${seconds}s)`
    if (stream.isTTY) stream.write(`\r${line}\x1b[K${final ? '\n' : ''}`)
    else stream.write(`${line}\n`)
  }
  return {
    label,
    update(text: string) {
      pending = text
      const now = Date.now()
      if (now - last < (stream.isTTY ? 200 : 2000)) return
      last = now
      write(text, false)
    },
    done(text = pending) {
      if (text) write(text, true)
    },
  }
}

export const count = (n: number) => n.toLocaleString('en-US')
