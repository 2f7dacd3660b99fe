import * as z from 'zod'
import { IdSchema, IsoDateSchema } from './common'
import { defineOperation } from './operation'
import { AppFeedbackSchema, SurveyReportSchema, SurveySchema, SurveyScoresSchema } from './feedback'
import { ANY_STAFF } from './roles'

export const rateOrder = defineOperation({
  name: 'survey.rate',
  method: 'POST',
  path: '/orders/{orderId}/survey',
  summary: 'After pick-up the customer rates each step (1–5) with an optional comment, once; a low score asks reception to call back',
  tag: 'feedback',
  input: z.strictObject({ orderId: IdSchema, scores: SurveyScoresSchema, comment: z.string().trim().max(500).optional() }),
  output: SurveySchema,
  access: ['customer'],
})

export const myOrderSurvey = defineOperation({
  name: 'survey.mine',
  method: 'GET',
  path: '/orders/{orderId}/survey',
  summary: 'The customer’s rating of their order, if they gave one',
  tag: 'feedback',
  input: z.strictObject({ orderId: IdSchema }),
  output: z.object({ survey: SurveySchema.optional() }),
  access: ['customer'],
})

export const surveyReport = defineOperation({
  name: 'survey.report',
  method: 'GET',
  path: '/surveys',
  summary: 'A branch’s ratings over a period: the average per step and per staff member, and the comments',
  tag: 'feedback',
  input: z.strictObject({ branchId: IdSchema, from: IsoDateSchema, to: IsoDateSchema }),
  output: SurveyReportSchema,
  access: ['manager', 'admin'],
  scope: 'branch',
})

export const sendAppFeedback = defineOperation({
  name: 'appFeedback.send',
  method: 'POST',
  path: '/app-feedback',
  summary: 'A staff member’s feedback on the app itself, for the admin',
  tag: 'feedback',
  input: z.strictObject({ text: z.string().trim().min(2).max(1000), page: z.string().trim().max(200).optional() }),
  output: AppFeedbackSchema,
  access: ANY_STAFF,
})

export const listAppFeedback = defineOperation({
  name: 'appFeedback.list',
  method: 'GET',
  path: '/app-feedback',
  summary: 'The staff’s feedback on the app, newest first',
  tag: 'feedback',
  input: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(50) }),
  output: z.object({ items: z.array(AppFeedbackSchema) }),
  access: ['admin'],
})

export const feedbackOperations = [rateOrder, myOrderSurvey, surveyReport, sendAppFeedback, listAppFeedback] as const
