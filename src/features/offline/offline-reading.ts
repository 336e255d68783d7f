/**
 * The page's side of offline reading (the worker is service-worker.js). The worker is registered
 * once the page is painted and the browser is idle, never before: a first visit's first paint never
 * waits for it, nor shares the network with its precaching. Not in the dev server (hot reloading),
 * whose files are not a deploy.
 */
import { basePath } from '../../shared/base-path.ts'
import { saveData } from '../../shared/save-data.ts'

const WORKER_URL = `${basePath}sw.js`

export function offlineSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && window.isSecureContext && !import.meta.hot
}

/**
 * Registers the worker after the page's load and the next idle period. Under Save-Data nothing is
 * stored ahead: the worker then starts only when the reader saves a post.
 */
export function registerOfflineReading(): void {
  if (!offlineSupported() || saveData()) return
  const register = () => void navigator.serviceWorker.register(WORKER_URL, { scope: basePath }).catch(() => undefined)
  const whenIdle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(register, { timeout: 5000 }) : setTimeout(register, 1000))
  if (document.readyState === 'complete') whenIdle()
  else window.addEventListener('load', whenIdle, { once: true })
}

/** Whether this page's address is stored for reading offline. */
export async function isSavedOffline(pageUrl: string): Promise<boolean> {
  if (typeof caches === 'undefined') return false
  return (await caches.match(new URL(pageUrl, location.href).href, { ignoreVary: true })) !== undefined
}

/**
 * Stores these addresses (a post's page and its data file) for reading offline. Registers the worker
 * at once if it is not yet (the reader asked for it), then asks it to store them.
 */
export async function saveOffline(urls: string[]): Promise<void> {
  if (!offlineSupported()) throw new Error('this browser cannot keep pages for offline reading')
  await navigator.serviceWorker.register(WORKER_URL, { scope: basePath })
  const registration = await navigator.serviceWorker.ready
  const worker = registration.active
  if (!worker) throw new Error('the offline worker is not running yet')
  const channel = new MessageChannel()
  const answer = new Promise<{ saved: boolean; reason?: string }>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<{ saved: boolean; reason?: string }>) => resolve(event.data)
  })
  worker.postMessage({ type: 'save', urls }, [channel.port2])
  const { saved, reason } = await answer
  if (!saved) throw new Error(reason ?? 'the page could not be stored')
}

/** Whether a worker already serves this page (then a visit stores the page without asking). */
export function offlineWorkerActive(): boolean {
  return offlineSupported() && navigator.serviceWorker.controller !== null
}
