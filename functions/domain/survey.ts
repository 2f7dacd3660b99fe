import type { Survey, SurveyReport, SurveyScores, SurveyStep } from '../../types/feedback'
import { LOW_SCORE, surveySteps } from '../../types/vocabulary'
import type { Order } from '../../types/orders'

type Person = { id: string; name: string }

/** The last time the order reached a stage (a redone step counts as done by who redid it). */
const lastReached = (order: Order, stage: Order['stage']) => [...order.timeline].reverse().find((event) => event.stage === stage)

/**
 * Who did each step a customer rates: reception is whoever sold the order at the desk (for an online
 * booking, whoever handed it over), the shoot and makeup are the booking's photographer and makeup
 * artist, retouching the retoucher who finished it; the product is the studio's, nobody's.
 */
export function whoDidEachStep(order: Order, shoot: { photographerId?: string; photographerName?: string; makeupArtistId?: string; makeupArtistName?: string } | undefined) {
  const staff: Partial<Record<SurveyStep, Person>> = {}
  const desk = (role: string) => role === 'reception' || role === 'manager' || role === 'admin'
  const sold = order.timeline[0]
  const handedOver = lastReached(order, 'completed')
  const seller = sold && desk(sold.by.role) ? sold.by : handedOver && desk(handedOver.by.role) ? handedOver.by : undefined
  if (seller) staff.reception = { id: seller.id, name: seller.name }
  if (shoot?.photographerId) staff.shoot = { id: shoot.photographerId, name: shoot.photographerName ?? '' }
  else {
    const shot = lastReached(order, 'shot')
    if (shot && shot.by.role !== 'system') staff.shoot = { id: shot.by.id, name: shot.by.name }
  }
  if (shoot?.makeupArtistId) staff.makeup = { id: shoot.makeupArtistId, name: shoot.makeupArtistName ?? '' }
  const retouched = lastReached(order, 'designing')
  if (retouched && retouched.by.role !== 'system') staff.retouching = { id: retouched.by.id, name: retouched.by.name }
  return staff
}

/** The steps scored low enough that reception calls the customer back. */
export const lowSteps = (scores: SurveyScores): SurveyStep[] => surveySteps.filter((step) => scores[step] <= LOW_SCORE)

const average = (values: number[]) => Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * 10) / 10

/** A branch's ratings summed up: the average per step and per person for the step they did, and the comments, newest first. */
export function summariseSurveys(surveys: Survey[]): SurveyReport {
  const perStaff = new Map<string, { staffId: string; name: string; step: SurveyStep; scores: number[] }>()
  for (const survey of surveys) {
    for (const step of surveySteps) {
      const person = survey.staff[step]
      if (!person) continue
      const key = `${step}#${person.id}`
      const entry = perStaff.get(key) ?? { staffId: person.id, name: person.name, step, scores: [] }
      entry.scores.push(survey.scores[step])
      perStaff.set(key, entry)
    }
  }
  return {
    count: surveys.length,
    steps: surveys.length === 0 ? [] : surveySteps.map((step) => ({ step, count: surveys.length, average: average(surveys.map((s) => s.scores[step])) })),
    staff: [...perStaff.values()]
      .map(({ scores, ...person }) => ({ ...person, count: scores.length, average: average(scores) }))
      .sort((a, b) => surveySteps.indexOf(a.step) - surveySteps.indexOf(b.step) || a.average - b.average),
    comments: surveys
      .filter((s) => s.comment)
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((s) => ({ orderId: s.orderId, customerName: s.customerName, packageName: s.packageName, comment: s.comment!, lowest: Math.min(...surveySteps.map((step) => s.scores[step])), at: s.at })),
    lowScores: surveys.filter((s) => lowSteps(s.scores).length > 0).length,
  }
}
