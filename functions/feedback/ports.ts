import type { AppFeedback, Survey } from '../../types/feedback'
import type { FollowUpRecord } from '../customers/ports'

export interface SurveyRecord extends Survey {
  studioId: string
}

export interface AppFeedbackRecord extends AppFeedback {
  studioId: string
}

/** Customers' ratings of their orders and the staff's feedback on the app. */
export interface FeedbackStore {
  /**
   * Keeps a rating, one per order, with the follow-up a low score asks reception for, in one
   * transaction: CONFLICT when the order was rated before (then nothing is written).
   */
  saveSurvey(survey: SurveyRecord, followUp?: FollowUpRecord): Promise<void>
  surveyOf(studioId: string, orderId: string): Promise<SurveyRecord | undefined>
  /** A branch's ratings given between two instants (ISO), oldest first. */
  branchSurveys(studioId: string, branchId: string, from: string, to: string): Promise<SurveyRecord[]>
  saveAppFeedback(feedback: AppFeedbackRecord): Promise<void>
  appFeedback(studioId: string, limit: number): Promise<AppFeedbackRecord[]>
}
