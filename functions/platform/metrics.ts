import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics'

/** CloudWatch metrics written as Embedded Metric Format log lines (no API call), namespace StudioErp. */
const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || 'StudioErp', serviceName: 'studio-erp' })

/** The operations a studio's owner counts: what each adds to. */
const COUNTED: Record<string, string> = {
  'bookings.book': 'Bookings',
  'payments.recordOffline': 'PaymentsCredited',
  'payments.refund': 'Refunds',
}

/** One operation done (counted when it is one of the above). */
export function countOperation(operation: string) {
  const metric = COUNTED[operation]
  if (metric) metrics.addMetric(metric, MetricUnit.Count, 1)
}

/** A WeChat Pay notification handled: a credited payment, or a refund of money that could not be credited. */
export function countPayNotification(outcome: string) {
  if (outcome === 'applied') metrics.addMetric('PaymentsCredited', MetricUnit.Count, 1)
  if (outcome === 'refunded') metrics.addMetric('Refunds', MetricUnit.Count, 1)
}

/** An answered error, by its stable code. */
export function countError(code: string) {
  const single = metrics.singleMetric()
  single.addDimension('code', code)
  single.addMetric('Errors', MetricUnit.Count, 1)
}

/** Writes what this invocation counted (one EMF line); nothing when it counted nothing. */
export function publishMetrics() {
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics()
}
