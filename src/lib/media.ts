/**
 * Images are https URLs or paths on the studio's media server (/media/…). H5 is served from that
 * server, so the path works as it is; a mini-program would read it as a file of its own package,
 * so there it is prefixed with the media server's address.
 */
const MEDIA_BASE = process.env.TARO_APP_MEDIA_BASE

export function imageUrl(ref: string): string {
  return ref.startsWith('/media/') ? `${MEDIA_BASE}${ref}` : ref
}
