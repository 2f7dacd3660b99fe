/**
 * An adapter whose every method fails with what `translate` makes of its error (the API's
 * DomainError, for adapters whose SDK or service throws its own), synchronous or not.
 */
export function withTranslatedErrors<T extends object>(adapter: T, translate: (error: unknown) => unknown): T {
  const fail = (error: unknown): never => {
    throw translate(error)
  }
  return new Proxy(adapter, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        try {
          const result: unknown = value.apply(target, args)
          return result instanceof Promise ? result.catch(fail) : result
        } catch (error) {
          return fail(error)
        }
      }
    },
  })
}
