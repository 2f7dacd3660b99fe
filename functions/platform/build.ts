import { ConfigError } from './config'

/**
 * Deployed bundles are built for one cloud: `process.env.STUDIO_BUILD` is replaced by `'aws'`
 * (serverless.yml, `esbuild.define`) or `'cloudbase'` (scripts/build-cloudbase.ts) when they are
 * bundled, so each condition on it is decided then and the adapters a bundle can never use are
 * left out of it: the simulated WeChat services and the local file store (local and test stages
 * only), and the other cloud's file store. Run from source — `npm start`, the tests — it is not
 * set, and every adapter is there.
 *
 * The conditions are written out where an adapter is chosen, `process.env.STUDIO_BUILD` itself,
 * because the bundler decides only those, not a value read from another module.
 */
export type StudioBuild = 'aws' | 'cloudbase'

/** What a deployed bundle answers when its configuration asks for an adapter it was built without. */
export function notInThisBuild(adapter: string): never {
  throw new ConfigError(`${adapter} is not in this build (${process.env.STUDIO_BUILD}): it runs only from source, in a local or test stage`)
}
