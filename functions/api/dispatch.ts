import type { Operation } from '../../types/operation'
import type { OperationName } from '../../types/operations'
import type { RequestContext } from '../domain/context'
import { apiImplementations, type AppDeps, type Implementation } from './implementations'
import { backOfficeImplementations } from './back-office-implementations'
import { importExportImplementations } from './import-export-implementations'
import { allModules } from './operation-index'
import { serveOperationsOf } from './registry'
import { runOperation, type Credentials } from './serve'

export { fieldIssues, findOperation, type Credentials } from './serve'

/** Every operation's use case: the API function's, the back office's and the CSV imports' and exports'. The compiler insists every operation has one. */
export const implementations: { [N in OperationName]: Implementation<N> } = { ...apiImplementations, ...backOfficeImplementations, ...importExportImplementations }

serveOperationsOf(allModules)

/** Runs any operation (the CloudBase function, scripts and tests serve them all in one process); see runOperation. */
export function dispatch(deps: AppDeps, op: Operation, rawInput: unknown, credentials: Credentials, ctx: RequestContext): Promise<unknown> {
  return runOperation(implementations, deps, op, rawInput, credentials, ctx)
}
