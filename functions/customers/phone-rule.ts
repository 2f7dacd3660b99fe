import type * as common from '../../types/common'

/**
 * The contract's phone rule (types/common.ts), loaded when a search or a confirmed number
 * first needs it: by then the operation's own schemas have built it, and the function's
 * start builds none.
 */
export const phoneRule = () => (require('../../types/common') as typeof common).PhoneSchema
