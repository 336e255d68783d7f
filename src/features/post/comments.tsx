/**
 * Comments for posts with `comments: true`, when the site settings name a provider (giscus).
 * Nothing is loaded until the reader asks; with no provider, nothing is shown at all.
 */
import { useEffect, useRef, useState } from 'react'
import settings from 'virtual:site-settings'
import postText from 'virtual:site-locale/post'

export function Comments({ term }: { term: string }) {
  const [open, setOpen] = useState(false)
  const container = useRef<HTMLDivElement>(null)
  const provider = settings.comments
  useEffect(() => {
    if (!open || !provider || !container.current) return
    const script = document.createElement('script')
    script.src = 'https://giscus.app/client.js'
    script.async = true
    script.crossOrigin = 'anonymous'
    const attributes: Record<string, string> = {
      'data-repo': provider.repo,
      'data-repo-id': provider.repoId,
      'data-category': provider.category,
      'data-category-id': provider.categoryId,
      'data-mapping': 'specific',
      'data-term': term,
      'data-reactions-enabled': '1',
      'data-input-position': 'top',
      'data-theme': 'preferred_color_scheme',
      'data-loading': 'lazy',
    }
    for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
    container.current.append(script)
  }, [open, provider, term])
  if (!provider) return null
  return (
    <section className="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{postText.comments}</h2>
      {open ? (
        <div ref={container} className="comments-frame" />
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {postText.showComments} <span className="comments-note">{postText.commentsNote}</span>
        </button>
      )}
    </section>
  )
}
