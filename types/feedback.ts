import * as z from 'zod'
import { IdSchema, IsoDateTimeSchema } from './common'
import { LOW_SCORE, surveySteps } from './vocabulary'

export { LOW_SCORE, surveySteps }

export const SurveyStepSchema = z.enum(surveySteps)
export type SurveyStep = z.infer<typeof SurveyStepSchema>


const Score = z.number().int().min(1).max(5)
export const SurveyScoresSchema = z.strictObject({ reception: Score, shoot: Score, makeup: Score, retouching: Score, product: Score })
export type SurveyScores = z.infer<typeof SurveyScoresSchema>

export const SurveySchema = z.object({
  orderId: IdSchema,
  branchId: IdSchema.optional(),
  customerId: IdSchema,
  customerName: z.string(),
  packageName: z.string(),
  scores: SurveyScoresSchema,
  comment: z.string().optional(),
  /** Who did each step, as the order and its shoot recorded them (the product is the studio's). */
  staff: z.partialRecord(SurveyStepSchema, z.object({ id: z.string(), name: z.string() })),
  /** The follow-up a low score created for reception. */
  followUpId: IdSchema.optional(),
  at: IsoDateTimeSchema,
})
export type Survey = z.infer<typeof SurveySchema>

const Average = z.object({ count: z.number().int(), average: z.number() })

export const SurveyReportSchema = z.object({
  count: z.number().int(),
  steps: z.array(Average.extend({ step: SurveyStepSchema })),
  staff: z.array(Average.extend({ staffId: z.string(), name: z.string(), step: SurveyStepSchema })),
  comments: z.array(z.object({ orderId: IdSchema, customerName: z.string(), packageName: z.string(), comment: z.string(), lowest: z.number().int(), at: IsoDateTimeSchema })),
  lowScores: z.number().int(),
})
export type SurveyReport = z.infer<typeof SurveyReportSchema>

export const AppFeedbackSchema = z.object({
  id: IdSchema,
  text: z.string(),
  page: z.string().optional(),
  by: z.object({ id: z.string(), name: z.string(), role: z.string() }),
  at: IsoDateTimeSchema,
})
export type AppFeedback = z.infer<typeof AppFeedbackSchema>
