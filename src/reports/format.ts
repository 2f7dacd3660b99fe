import { formatFen } from '../lib/money'

/** Basis points as a percent with one decimal: 3456 → "34.6%"; no rate → "—". */
export function percent(bp: number | null): string {
  return bp === null ? '—' : `${(bp / 100).toFixed(1)}%`
}

/** The change from the previous period as a signed percent, or undefined when there is nothing to compare with. */
export function change(current: number, previous: number): { text: string; tone: 'up' | 'down' | 'same' } | undefined {
  if (previous === 0) return current === 0 ? { text: '0%', tone: 'same' } : undefined
  const bp = Math.round(((current - previous) * 10_000) / Math.abs(previous))
  if (bp === 0) return { text: '0%', tone: 'same' }
  return { text: `${bp > 0 ? '+' : '−'}${(Math.abs(bp) / 100).toFixed(1)}%`, tone: bp > 0 ? 'up' : 'down' }
}

/** Fen with its sign where it can go below zero (a day's net): −¥2,268.00. */
export function money(fen: number): string {
  return fen < 0 ? `−${formatFen(-fen)}` : formatFen(fen)
}

/** Money on a chart axis: whole yuan. */
export const axisYuan = (fen: number) => `¥${Math.round(fen / 100)}`

export { formatFen }
