/**
 * The operations that read or write CSV files. Only they need the CSV parser and writer, so
 * they are served by a function of their own (serverless.yml, `importsExports`), which keeps
 * the API function that answers everything else small and quick to start.
 */
export const IMPORT_EXPORT_OPERATIONS = ['customers.import', 'customers.export', 'orders.import', 'commission.export', 'reports.export', 'selection.export'] as const
export type ImportExportOperationName = (typeof IMPORT_EXPORT_OPERATIONS)[number]
