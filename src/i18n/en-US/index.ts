import type { MessageKey } from '../zh-CN'
import type { NoKeys } from '../same-words'
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

/** The app's words in English, feature by feature as in ../zh-CN. */
export const enUS = { ...common, ...errors, ...pages, ...staff, ...crm, ...manage, ...booking, ...order, ...schedule, ...desk, ...inventory, ...finance, ...unmatched, ...notices, ...feedback, ...reports, ...shoot, ...production }

/** A key only one language has is a type error here, named in the message (a feature left out of either index, say). */
export type MissingInEnglish = NoKeys<Exclude<MessageKey, keyof typeof enUS>>
export type MissingInChinese = NoKeys<Exclude<keyof typeof enUS, MessageKey>>
