/**
 * The contract's fixed lists and defaults, in a module without a schema: code that needs only a
 * list (report maths, the day's figures, the survey) reads it here and builds no schema on load.
 * The schema modules make their enums from these and export them too.
 */

export const staffRoles = ['reception', 'photographer', 'makeup', 'retoucher', 'finance', 'manager', 'admin'] as const
export const roles = ['customer', ...staffRoles] as const

/** Who takes money at the desk. */
export const MONEY_DESK = ['reception', 'finance', 'manager', 'admin'] as const

/**
 * Who sees an order's money — what it costs, what was paid, refunds and balances: the customer (their
 * own) and the desk. The crew (photographer, makeup artist, retoucher) work without it; a crew member
 * who also holds a desk role sees it. An operation that answers only money is open to these roles alone.
 */
export const SEES_MONEY = ['customer', ...MONEY_DESK] as const

/** Whether someone holding these roles sees money: the one rule every answer that carries an amount follows. */
export const seesMoney = (held: readonly (typeof roles)[number][]): boolean => held.some((role) => (SEES_MONEY as readonly string[]).includes(role))

/** What a customer can be told about their order by a one-time WeChat subscription message (see notices.ts). */
export const noticeKinds = ['photos-ready', 'design-ready', 'pickup-ready'] as const

/** The order's stages in their order; `cancelled` is the side exit before the shoot. */
export const orderStages = [
  'pending_deposit',
  'confirmed',
  'shot',
  'selecting',
  'retouching',
  'designing',
  'proofing',
  'producing',
  'ready',
  'completed',
  'cancelled',
] as const

/** Stages with an expected duration the studio sets (days until the next stage should start). */
export const timedStages = ['pending_deposit', 'shot', 'selecting', 'retouching', 'designing', 'proofing', 'producing', 'ready'] as const
export type TimedStage = (typeof timedStages)[number]

/** The order settings a studio has before it saves its own. */
export const defaultOrderSettings: { stageDays: Record<TimedStage, number>; discountLimitPercent: number } = {
  stageDays: { pending_deposit: 3, shot: 3, selecting: 7, retouching: 10, designing: 7, proofing: 5, producing: 14, ready: 14 },
  discountLimitPercent: 10,
}

/** Where a customer heard of the studio. */
export const sourceChannels = ['dianping', 'xiaohongshu', 'douyin', 'wechat', 'referral', 'walk_in', 'meituan', 'other'] as const

/** The kinds of money an order takes, as the reports split it. */
export const moneyKinds = ['deposit', 'balance', 'extra_photos'] as const

/** The age bands of unpaid balances, as the receivables report groups them. */
export const receivableAges = ['0-30', '31-60', '61-90', '90+'] as const

/** The steps of a studio visit a customer rates after pick-up (1–5 each). */
export const surveySteps = ['reception', 'shoot', 'makeup', 'retouching', 'product'] as const

/** A score of 2 or less in any step asks reception to call the customer back (回访). */
export const LOW_SCORE = 2

/** Studio-wide settings (the booking policy and the studio's time zone, the order settings): the admin's. */
export const STUDIO_SETTINGS_EDITORS = ['admin'] as const

/**
 * Whether a person may change something that reaches the branches `branchIds` — absent: the whole
 * studio (its settings). Only admins work across branches; a manager changes what is their own
 * branch's alone, e.g. a package sold only there. A package sold in several branches is the
 * studio's, like its settings. The server refuses what this refuses; the app hides the way to it.
 */
export function mayChangeAcross(person: { roles: readonly (typeof roles)[number][]; branchId?: string }, branchIds?: readonly string[]): boolean {
  if (person.roles.includes('admin')) return true
  if (!person.roles.includes('manager') || !branchIds?.length) return false
  return branchIds.every((branchId) => branchId === person.branchId)
}

/** The first character of every WeChat Pay charge number asked for by this system. */
export const OUT_TRADE_NO_PREFIX = 'W'
