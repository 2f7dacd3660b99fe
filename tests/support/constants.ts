/** The API under test runs stage "test", whose table is named by serverless.yml. */
export const TEST_TABLE = 'studio-erp-test'
export const TEST_SESSION_SECRET = 'test-only-session-secret-0123456789abcdef'
export const TEST_PASSWORD = 'correct-horse-battery'
