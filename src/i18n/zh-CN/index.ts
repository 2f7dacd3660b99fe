import { common } from './common'
import { errors } from './errors'
import { pages } from './pages'
import { staff } from './staff'
import { crm } from './crm'
import { manage } from './manage'
import { booking } from './booking'
import { order } from './order'
import { schedule } from './schedule'
import { desk } from './desk'
import { inventory } from './inventory'
import { finance } from './finance'
import { unmatched } from './unmatched'
import { notices } from './notices'
import { feedback } from './feedback'
import { reports } from './reports'
import { shoot } from './shoot'
import { production } from './production'

/**
 * The app's words in Chinese, the default language. Each feature keeps its words in its own file
 * beside this one (a new module adds `<module>.ts` here and in ../en-US, and spreads it below).
 */
export const zhCN = { ...common, ...errors, ...pages, ...staff, ...crm, ...manage, ...booking, ...order, ...schedule, ...desk, ...inventory, ...finance, ...unmatched, ...notices, ...feedback, ...reports, ...shoot, ...production }

export type MessageKey = keyof typeof zhCN
