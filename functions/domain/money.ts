import type { DepositRule } from '../../types/catalog'

/** The deposit a package asks for, in whole fen: a fixed amount, or a percentage of the price rounded to the fen. */
export function depositFen(priceFen: number, rule: DepositRule): number {
  return rule.kind === 'amount' ? rule.amountFen : Math.round((priceFen * rule.percent) / 100)
}

/** Fen as yuan with two decimals, in integers (no floating point on money). */
export const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`
