import type { FileStore } from '../../orders/ports'
import { notInThisBuild } from '../../platform/build'
import type { FilesConfig } from '../../platform/config'
import { CloudBaseFileStore } from './cloudbase'
import { LocalFileStore } from './local'
import { S3FileStore } from './s3'
import { withUpstreamErrors } from './upstream-errors'

/**
 * The file store the configuration names, its failures as the API's codes (upstream-errors.ts).
 * None of them connects anywhere until first used. A deployed bundle has its own cloud's store
 * only (platform/build.ts).
 */
export function createFileStore(config: FilesConfig): FileStore {
  return withUpstreamErrors(storeOf(config))
}

function storeOf(config: FilesConfig): FileStore {
  switch (config.mode) {
    case 's3':
      if (process.env.STUDIO_BUILD !== 'cloudbase') return new S3FileStore(config)
      return notInThisBuild('The S3 file store')
    case 'cloudbase':
      if (process.env.STUDIO_BUILD !== 'aws') return new CloudBaseFileStore(config)
      return notInThisBuild('The CloudBase file store')
    case 'local':
      if (process.env.STUDIO_BUILD === undefined) return new LocalFileStore(config)
      return notInThisBuild('The local file store')
  }
}
