import { ulid } from 'ulid'

/**
 * A ULID made on the phone for a request that must be applied once (an order, a payment, a
 * refund): sent again after a timeout, the server recognises it. Mini-program engines have
 * no Web Crypto, and the id only has to be unique, not secret, so Math.random stands in there.
 */
export function newRequestId(): string {
  const webCrypto = typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function' ? crypto : undefined
  const prng = webCrypto
    ? () => {
        const buffer = new Uint8Array(1)
        webCrypto.getRandomValues(buffer)
        return buffer[0]! / 0xff
      }
    : Math.random
  return ulid(undefined, prng)
}
