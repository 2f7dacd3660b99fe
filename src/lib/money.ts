/**
 * Amounts are integer fen. Typed amounts are read digit by digit, never through a
 * floating-point number, so "6999.90" is exactly 699990 fen.
 */
const YUAN = /^(\d{1,7})(?:\.(\d{1,2}))?$/

/** Fen from an amount typed in yuan ("6999.9", "6999.90", "6999"), or undefined when it is not one. */
export function parseYuan(text: string): number | undefined {
  const match = YUAN.exec(text.trim())
  if (!match) return undefined
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/** Fen as the yuan a manager would type back: 699990 → "6999.90". */
export function yuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/** Fen as a price: 699990 → "¥6,999.90". */
export function formatFen(fen: number): string {
  const whole = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `¥${whole}.${String(fen % 100).padStart(2, '0')}`
}

/** A whole number typed into a form ("90"), or undefined when it is not one. */
export function parseWhole(text: string): number | undefined {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : undefined
}

/** A field left blank or not a whole number is sent as -1, so the API's own check names it. */
export function whole(text: string): number {
  return parseWhole(text) ?? -1
}
