const typescript = {
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }],
  },
  testEnvironment: 'node',
}

/**
 * One run, five kinds of test. DynamoDB Local, the API on serverless-offline and the H5
 * app server are started once by the global setup and shared; each test file isolates
 * itself with its own table or its own studio.
 */
/** @type {import('jest').Config} */
const config = {
  globalSetup: '<rootDir>/tests/support/global-setup.js',
  globalTeardown: '<rootDir>/tests/support/global-teardown.js',
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  maxWorkers: 2,
  // Two cores run DynamoDB Local, the API, Chromium and the tests together.
  testTimeout: 60_000,
  projects: [
    { displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'], ...typescript },
    {
      displayName: 'ui',
      testMatch: ['<rootDir>/tests/ui/**/*.test.tsx'],
      ...typescript,
      testEnvironment: 'jsdom',
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/tests/ui/taro-shim.ts',
        '^@tarojs/components$': '<rootDir>/tests/ui/taro-components-shim.tsx',
        '\\.(css|scss)$': '<rootDir>/tests/ui/style-stub.ts',
      },
    },
    { displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'], ...typescript },
    { displayName: 'api', testMatch: ['<rootDir>/tests/api/**/*.test.ts'], ...typescript },
    { displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'], ...typescript, slowTestThreshold: 20 },
  ],
}

module.exports = config
