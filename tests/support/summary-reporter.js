// Ends the run with one plain line, "N passed, N failed", that any CI can read.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    // A file that fails to load runs no test, but it is a failure all the same.
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`)
  }
}
module.exports = SummaryReporter
