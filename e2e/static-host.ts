/**
 * A static host as GitHub Pages and Netlify behave, for sites built under a sub-path: `/x/` serves
 * `x/index.html`, `/x` serves `x.html` or `x/index.html`, and a missing path gets the site's
 * `404.html` with status 404. Loopback only.
 */
import { createServer, type Server } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

export async function serveStatic(folder: string, base: string): Promise<{ server: Server; url: string }> {
  const siteRoot = join(folder, base)
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname)
    const candidates = [pathname, join(pathname, 'index.html'), `${pathname}.html`].map((path) => normalize(join(folder, path)))
    const found = candidates.find((path) => path.startsWith(folder) && existsSync(path) && statSync(path).isFile())
    const file = found ?? join(siteRoot, '404.html')
    response.statusCode = found ? 200 : 404
    response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream')
    response.end(readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('The static host has no port')
  return { server, url: `http://127.0.0.1:${address.port}${base}` }
}
