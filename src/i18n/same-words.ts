/**
 * A feature's words in a second language: exactly the keys of the first, no more and no fewer. Used with
 * `satisfies`, a missing key and an extra one are both type errors in the feature's own file.
 */
export type SameWords<First> = { [Key in keyof First]: string }

/** Compiles only when `Keys` is empty; otherwise the error names the keys. */
export type NoKeys<Keys extends never> = Keys
