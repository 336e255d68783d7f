/**
 * The offline reader's service worker. The build (src/content/build/service-worker.ts) writes it to
 * `sw.js` with `self.OFFLINE_BUILD` set first: this deploy's id, the base path and the files to
 * precache (the list page, the app's scripts and stylesheets).
 *
 * - One cache per deploy (`offline <base> <buildId>`). A new deploy is a new `sw.js`, so a new worker:
 *   it fills its own cache with the new files and fetches every page and data file the reader had
 *   saved again, from the new deploy, before it takes over. It takes over only once no page of the old
 *   deploy is open (no skipWaiting), then deletes the old caches: a page never gets its HTML from one
 *   deploy and its scripts or data from another.
 * - Pages and data: from the network first (a reader online always sees the newest), stored on the
 *   way, and from the cache when the network fails. Hashed scripts and stylesheets: from the cache.
 * - A page neither online nor saved gets a short offline page that says so.
 * - `{type: 'save', urls}` (from the post page's "Save for offline") stores those URLs now.
 */
/* eslint-env serviceworker */
const { buildId, base, precache } = self.OFFLINE_BUILD
/** The offline page's texts, in the site's language (src/content/build/service-worker.ts). */
const texts = self.OFFLINE_PAGE
const PREFIX = `offline ${base} `
const CACHE = `${PREFIX}${buildId}`
const PRECACHED = new Set(precache.map((path) => new URL(path, self.location.origin).href))

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE)
      await cache.addAll([...PRECACHED])
      // What the reader saved with the previous deploy, fetched again from this one; a page that is
      // gone (a post removed) is dropped.
      const saved = new Set()
      for (const name of await caches.keys()) {
        if (name === CACHE || !name.startsWith(PREFIX)) continue
        for (const request of await (await caches.open(name)).keys()) {
          if (!isHashedAsset(new URL(request.url))) saved.add(request.url)
        }
      }
      await Promise.all([...saved].filter((url) => !PRECACHED.has(url)).map((url) => cache.add(url).catch(() => undefined)))
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name)
      }
      // The first worker also serves the page that registered it, so that page can be saved now.
      await self.clients.claim()
    })(),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || !url.pathname.startsWith(base)) return
  if (request.mode === 'navigate') event.respondWith(page(request, url))
  else if (PRECACHED.has(url.href) || isHashedAsset(url)) event.respondWith(fromCacheFirst(request))
  else event.respondWith(fromNetworkFirst(request))
})

self.addEventListener('message', (event) => {
  const message = event.data
  const port = event.ports[0]
  if (!message || message.type !== 'save' || !Array.isArray(message.urls) || !port) return
  const urls = message.urls
    .map((url) => new URL(url, self.location.origin))
    .filter((url) => url.origin === self.location.origin && url.pathname.startsWith(base))
    .map((url) => url.origin + url.pathname)
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(urls))
      .then(
        () => port.postMessage({ saved: true }),
        (error) => port.postMessage({ saved: false, reason: String(error && error.message ? error.message : error) }),
      ),
  )
})

/** Vite's output: `assets/name-HASH.js` (a public file under /assets/ has no hash and is not immutable). */
function isHashedAsset(url) {
  return url.pathname.startsWith(`${base}assets/`) && /-[\w-]{8}\.(?:js|css)$/.test(url.pathname)
}

/** A page: the network's, stored for later (without its query: `/?tags=x` is the list page); else the stored one. */
async function page(request, url) {
  const key = url.origin + url.pathname
  try {
    const response = await fetch(request)
    if (response.ok) {
      const cache = await caches.open(CACHE)
      await cache.put(key, response.clone())
    }
    return response
  } catch {
    const cache = await caches.open(CACHE)
    const stored =
      (await cache.match(key, { ignoreVary: true })) ??
      (url.pathname.endsWith('/') ? undefined : await cache.match(`${key}/`, { ignoreVary: true }))
    return stored ?? offlinePage()
  }
}

async function fromCacheFirst(request) {
  const cache = await caches.open(CACHE)
  const stored = await cache.match(request, { ignoreVary: true })
  if (stored) return stored
  const response = await fetch(request)
  if (response.ok) await cache.put(request, response.clone())
  return response
}

async function fromNetworkFirst(request) {
  const cache = await caches.open(CACHE)
  try {
    const response = await fetch(request)
    if (response.ok && response.type === 'basic') await cache.put(request, response.clone())
    return response
  } catch (error) {
    const stored = await cache.match(request, { ignoreVary: true, ignoreSearch: request.url.includes('/data/') })
    if (stored) return stored
    throw error
  }
}

function offlinePage() {
  const escape = (text) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`)
  const home = escape(base)
  // No script, no stylesheet to fetch: the page must stand alone with the network gone. The theme's
  // colors follow the system (the reader's own choice needs the page's script, which this page lacks).
  const html = `<!doctype html>
<html ${texts.htmlAttributes}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escape(texts.title)}</title>
<style>
body { margin: 0 auto; max-width: 36rem; padding: 2rem 1.25rem; font: 1.125rem/1.6 -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', Ubuntu, Cantarell, 'Helvetica Neue', 'Liberation Sans', Arial, system-ui, sans-serif;
  color: light-dark(#1d2125, #e6e8eb); background: light-dark(#fff, #15181c); }
a { color: light-dark(#0a58ca, #8ab4ff); }
</style>
</head>
<body>
<main>
<h1>${escape(texts.heading)}</h1>
<p>${escape(texts.notSaved)}</p>
<p>${escape(texts.beforeLink)}<a href="${home}">${escape(texts.goToList)}</a>${escape(texts.afterLink)}</p>
</main>
</body>
</html>`
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } })
}
