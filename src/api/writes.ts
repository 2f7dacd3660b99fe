/**
 * How many writes to the studio's API have gone through since the app started: every operation
 * that is not a GET and answered with success, and every file the file store took. A button's
 * action (useSubmit) compares the count before and after it, to know whether it changed anything.
 */
let writes = 0

export function countWrite(): void {
  writes++
}

export function writesSoFar(): number {
  return writes
}
