import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, request, type Server } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
}

/**
 * Serves the H5 build and passes /api/* to the API, so the app talks to one origin
 * exactly as it would behind a CDN with the API mounted at /api.
 */
export function startH5Server(options: { root: string; port: number; apiUrl: string; host?: string }): Promise<Server> {
  const root = resolve(options.root)
  const media = resolve(__dirname, '../demo-media')
  const api = new URL(options.apiUrl)
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local')
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const upstream = request(
        { host: api.hostname, port: api.port, method: req.method, path: url.pathname + url.search, headers: { ...req.headers, host: api.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        },
      )
      upstream.on('error', () => {
        res.writeHead(502, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: { code: 'INTERNAL', message: 'The API is not reachable' } }))
      })
      req.pipe(upstream)
      return
    }
    // The studio's own images (/media/…); the demo studio's ship with the repository.
    const base = url.pathname.startsWith('/media/') ? media : root
    let file = normalize(join(base, decodeURIComponent(url.pathname.replace(/^\/media\//, '/'))))
    if (!file.startsWith(base)) {
      res.writeHead(403).end()
      return
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
      await stat(file)
    } catch {
      if (base === media) {
        res.writeHead(404).end()
        return
      }
      file = join(root, 'index.html')
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': extname(file) === '.html' ? 'no-cache' : 'public, max-age=300',
    })
    createReadStream(file).pipe(res)
  })
  return new Promise((resolveServer, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolveServer(server))
  })
}
