import * as z from 'zod'

/** Money is integer fen (分), CNY. Never floating point. One million yuan is the most any single price may be. */
export const MAX_FEN = 100_000_000
export const FenSchema = z.number().int('must be whole fen').min(0, 'must not be negative').max(MAX_FEN)
export type Fen = z.infer<typeof FenSchema>
