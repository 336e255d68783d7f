/**
 * A post's offline state: "Saved for offline reading" once the post's page and data are stored on this
 * device, else a "Save for offline" button. Every post visited while the worker runs is stored on the
 * visit; the button is for the others (the first post of a first visit, before the worker is
 * registered). The line keeps its height from the first paint on (the prerendered page has it empty),
 * so its text moves nothing when it appears. The storing code (offline-reading.ts) loads once the page
 * has rendered, outside the page's first load.
 */
import { useEffect, useState } from 'react'
import { postSourceUrl } from '../../shared/api/post-queries.ts'
import './offline-status.css'
import { fill } from '../../shared/i18n/i18n.ts'
import postText from 'virtual:site-locale/post'

const loadOfflineReading = () => import('./offline-reading.ts')

type State = { kind: 'unknown' } | { kind: 'saved' } | { kind: 'not-saved' } | { kind: 'saving' } | { kind: 'failed'; reason: string }

export function OfflineStatus({ slug, pageHref }: { slug: string; pageHref: string }) {
  const [state, setState] = useState<State>({ kind: 'unknown' })

  const save = () => {
    setState({ kind: 'saving' })
    loadOfflineReading()
      .then((offline) => offline.saveOffline([...new Set([pageHref, postSourceUrl(slug)])]))
      .then(
        () => setState({ kind: 'saved' }),
        (error: unknown) => setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }),
      )
  }

  useEffect(() => {
    let current = true
    void loadOfflineReading().then(async (offline) => {
      if (!offline.offlineSupported()) return
      // A visit while the worker runs stores the post: the reader may come back to it offline. When
      // that fails (offline now), the copy stored before still counts.
      const stored = offline.offlineWorkerActive() && (await offline.saveOffline([...new Set([pageHref, postSourceUrl(slug)])]).then(() => true, () => false))
      const saved = stored || (await offline.isSavedOffline(pageHref).catch(() => false))
      if (current) setState({ kind: saved ? 'saved' : 'not-saved' })
    })
    return () => {
      current = false
    }
  }, [slug, pageHref])

  return (
    <p className="offline-status" role="status">
      {state.kind === 'saved' && (
        <span className="offline-saved">
          <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
            <path fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" d="M3 8.5l3.2 3L13 4.5" />
          </svg>
          {postText.savedOffline}
        </span>
      )}
      {(state.kind === 'not-saved' || state.kind === 'failed') && (
        <button type="button" className="offline-save" onClick={save}>
          {postText.saveOffline}
        </button>
      )}
      {state.kind === 'saving' && <span>{postText.savingOffline}</span>}
      {state.kind === 'failed' && <span className="offline-failed">{fill(postText.couldNotSave, { reason: state.reason })}</span>}
    </p>
  )
}
