import { DomainError } from '../domain/errors'

/** Reports answer once their figures are kept; until then the operations are declared but refuse. */
const notYet = (name: string) => {
  const useCase = async (): Promise<never> => {
    throw new DomainError('PRECONDITION_FAILED', `${name} is not available yet`)
  }
  Object.defineProperty(useCase, 'name', { value: name })
  return useCase
}

export const homeReport = notYet('homeReport')
export const dailyReport = notYet('dailyReport')
export const revenueReport = notYet('revenueReport')
export const upsellReport = notYet('upsellReport')
export const funnelReport = notYet('funnelReport')
export const receivablesReport = notYet('receivablesReport')
export const productionReport = notYet('productionReport')
export const staffReport = notYet('staffReport')
export const customersReport = notYet('customersReport')
export const stockReport = notYet('stockReport')
export const exportReport = notYet('exportReport')
export const recomputeReports = notYet('recomputeReports')
