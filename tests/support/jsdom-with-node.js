const { TestEnvironment } = require('jest-environment-jsdom')

/**
 * jsdom for a page's parts, with what Node gives a test besides — fetch, text encoding, streams —
 * and Node's module conditions: a test of the app that also sets up its studio through the real
 * services (DynamoDB Local, the API over HTTP). Named in such a test file's docblock.
 */
class JsdomWithNode extends TestEnvironment {
  constructor(config, context) {
    super({ ...config, projectConfig: { ...config.projectConfig, testEnvironmentOptions: { ...config.projectConfig.testEnvironmentOptions, customExportConditions: ['node', 'node-addons'] } } }, context)
    for (const name of ['fetch', 'Headers', 'Request', 'Response', 'FormData', 'TextEncoder', 'TextDecoder', 'ReadableStream', 'WritableStream', 'TransformStream', 'structuredClone', 'setImmediate', 'clearImmediate', 'AbortController', 'AbortSignal', 'Blob']) {
      this.global[name] = globalThis[name]
    }
  }
}

module.exports = JsdomWithNode
