import busboy from 'busboy'
import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, extname } from 'node:path'
import type { Readable } from 'node:stream'
import { META_SUFFIX, pathForKey, verifyDownload, verifyUploadFields } from '../../functions/integrations/file-store/local'
import { deriveImages, derivableType, isDerivedKey } from '../../functions/integrations/file-store/derived-images'

/**
 * The local stand-in for S3 behind LocalFileStore: `POST /upload` takes a browser-style
 * form upload signed by the store (as S3 takes a presigned POST), `GET /f/<key>` serves a
 * file by a signed link (as a presigned GET). Anything else about a request is refused.
 */

export interface FileServerOptions {
  /** The folder files are kept in; LocalFileStore must be given the same one. */
  dir: string
  /** The secret LocalFileStore signs links with. */
  secret: string
  /** 0 picks a free port. */
  port: number
  host?: string
}

export interface FileServer {
  /** e.g. http://127.0.0.1:3002 — LocalFileStore's baseUrl. */
  url: string
  close(): Promise<void>
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '600',
}

const TYPE_BY_EXTENSION: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.heic': 'image/heic',
}

function answer(res: ServerResponse, status: number, reason?: string) {
  if (res.headersSent) return
  const body = reason ? JSON.stringify({ error: reason }) : undefined
  res.writeHead(status, { ...CORS, ...(body ? { 'content-type': 'application/json; charset=utf-8' } : {}) })
  res.end(body)
}

/** Where a file is written until it is complete, so a refused or broken upload leaves nothing at the key. */
const partialPath = (path: string) => `${path}.partial-${randomBytes(6).toString('hex')}`

/**
 * Copies one file part to its partial file, counting bytes. Past `maxBytes` the partial
 * file is closed (and later deleted) and the rest of the part is read and dropped.
 */
function writePart(stream: Readable, upload: { partial: string; bytes: number }, maxBytes: number): Promise<void> {
  return new Promise<void>((done, fail) => {
    const out = createWriteStream(upload.partial)
    let tooLarge = false
    out.on('error', (error) => {
      stream.resume()
      fail(error)
    })
    out.on('close', () => (tooLarge ? fail(new TooLarge(maxBytes)) : done()))
    // The form broke off mid-file (the client went away): the partial file is deleted by the caller.
    stream.on('error', (error) => {
      out.destroy()
      fail(error)
    })
    stream.on('data', (chunk: Buffer) => {
      if (tooLarge) return
      upload.bytes += chunk.length
      if (upload.bytes > maxBytes) {
        tooLarge = true
        out.destroy()
        stream.resume()
        return
      }
      if (!out.write(chunk)) {
        stream.pause()
        out.once('drain', () => stream.resume())
      }
    })
    stream.on('end', () => {
      if (!tooLarge) out.end()
    })
    stream.resume()
  })
}

class TooLarge extends Error {
  constructor(maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`)
  }
}

/**
 * Reads the form: fields first, then one file part named `file`. The file is written to a
 * partial file while its bytes are counted; past the signed size limit it is deleted and
 * the rest of the body is read and discarded, so the client always gets the answer.
 */
function receiveUpload(req: IncomingMessage, res: ServerResponse, options: FileServerOptions) {
  let parser: busboy.Busboy
  try {
    parser = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: 4096, parts: 30 } })
  } catch {
    answer(res, 403, 'expected a multipart/form-data upload')
    return
  }
  const fields: Record<string, string> = {}
  let refusal: string | undefined
  let upload: { key: string; contentType: string; path: string; partial: string; bytes: number; written: Promise<void> } | undefined

  parser.on('field', (name, value) => {
    if (!upload) fields[name] = value
  })
  parser.on('file', (name, stream, info) => {
    const refuse = (reason: string) => {
      refusal ??= reason
      stream.resume()
    }
    if (name !== 'file' || upload || refusal) return refuse(`unexpected file part "${name}"`)
    const verified = verifyUploadFields(options.secret, fields)
    if (!verified.ok) return refuse(verified.reason)
    const { key, contentType, maxBytes } = verified.value
    if (info.mimeType !== contentType) return refuse(`content type ${info.mimeType} is not the signed ${contentType}`)

    const path = pathForKey(options.dir, key)
    const current = { key, contentType, path, partial: partialPath(path), bytes: 0, written: Promise.resolve() }
    upload = current
    stream.pause()
    current.written = mkdir(dirname(path), { recursive: true }).then(
      () => writePart(stream, current, maxBytes),
      (error) => {
        stream.resume()
        throw error
      },
    )
  })

  let finished = false
  const finish = async () => {
    if (finished) return
    finished = true
    try {
      if (upload) await upload.written
    } catch (error) {
      refusal ??= error instanceof TooLarge ? error.message : `could not store the file: ${(error as Error).message}`
    }
    if (!upload && !refusal) refusal = 'no file part'
    if (upload && !refusal && upload.bytes === 0) refusal = 'empty file'
    if (refusal || !upload) {
      if (upload) await rm(upload.partial, { force: true })
      return answer(res, 403, refusal)
    }
    await writeFile(upload.path + META_SUFFIX, JSON.stringify({ contentType: upload.contentType, bytes: upload.bytes }))
    await rename(upload.partial, upload.path)
    // Made before answering, so once a phone sees its upload done, the grid's thumbnail is there too.
    if (derivableType(upload.contentType) && !isDerivedKey(upload.key)) await writeDerivedImages(upload.path)
    answer(res, 204)
  }
  parser.on('close', () => {
    finish().catch((error) => answer(res, 500, (error as Error).message))
  })
  parser.on('error', (error) => {
    refusal ??= `bad form: ${(error as Error).message}`
    req.unpipe(parser)
    req.resume()
    finish().catch(() => answer(res, 500))
  })
  req.pipe(parser)
}

/** The thumbnail and preview of an uploaded photo, beside it; an image sharp cannot read keeps only its original. */
async function writeDerivedImages(path: string) {
  try {
    for (const image of await deriveImages(await readFile(path))) {
      await writeFile(path + image.suffix + META_SUFFIX, JSON.stringify({ contentType: 'image/jpeg', bytes: image.bytes.length }))
      await writeFile(path + image.suffix, image.bytes)
    }
  } catch (error) {
    console.warn(`[file server] no thumbnail of ${path}: ${(error as Error).message}`)
  }
}

async function contentTypeOf(path: string): Promise<string> {
  try {
    const meta = JSON.parse(await readFile(path + META_SUFFIX, 'utf8')) as { contentType?: unknown }
    if (typeof meta.contentType === 'string') return meta.contentType
  } catch {
    /* no meta file: go by the extension */
  }
  return TYPE_BY_EXTENSION[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

async function serveFile(req: IncomingMessage, res: ServerResponse, url: URL, options: FileServerOptions) {
  let key: string
  try {
    key = decodeURIComponent(url.pathname.slice('/f/'.length))
  } catch {
    return answer(res, 403, 'bad key')
  }
  const verified = verifyDownload(options.secret, key, url.searchParams.get('expires'), url.searchParams.get('signature'))
  if (!verified.ok) return answer(res, 403, verified.reason)
  const path = pathForKey(options.dir, key)
  const info = await stat(path).catch(() => undefined)
  if (!info?.isFile()) return answer(res, 404, 'no such file')
  res.writeHead(200, {
    ...CORS,
    'content-type': await contentTypeOf(path),
    'content-length': String(info.size),
    'cache-control': 'private, max-age=300',
  })
  if (req.method === 'HEAD') return res.end()
  createReadStream(path).pipe(res)
}

/** Starts the local file server and resolves once it listens. */
export function startFileServer(options: FileServerOptions): Promise<FileServer> {
  const host = options.host ?? '127.0.0.1'
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local')
    if (req.method === 'OPTIONS') return answer(res, 204)
    if (url.pathname === '/upload') {
      if (req.method !== 'POST') return answer(res, 405, 'POST a form to /upload')
      return receiveUpload(req, res, options)
    }
    if (url.pathname.startsWith('/f/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'GET a file by its signed link')
      return void serveFile(req, res, url, options).catch((error) => answer(res, 500, (error as Error).message))
    }
    answer(res, 404, 'not found')
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://${host}:${port}`,
        close: () =>
          new Promise<void>((closed) => {
            server.close(() => closed())
            server.closeAllConnections()
          }),
      })
    })
  })
}
