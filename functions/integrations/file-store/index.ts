import type { FileStore } from '../../orders/ports'
import type { FilesConfig } from '../../platform/config'
import { CloudBaseFileStore } from './cloudbase'
import { LocalFileStore } from './local'
import { S3FileStore } from './s3'
import { withUpstreamErrors } from './upstream-errors'

/**
 * The file store the configuration names, its failures as the API's codes (upstream-errors.ts).
 * None of them connects anywhere until first used.
 */
export function createFileStore(config: FilesConfig): FileStore {
  return withUpstreamErrors(storeOf(config))
}

function storeOf(config: FilesConfig): FileStore {
  switch (config.mode) {
    case 's3':
      return new S3FileStore(config)
    case 'cloudbase':
      return new CloudBaseFileStore(config)
    case 'local':
      return new LocalFileStore(config)
  }
}
