/**
 * Share a post: the system share sheet where the browser has one, else "Copy link" with a visible
 * confirmation; plus plain links to email, LinkedIn and X that load no third-party script.
 */
import { useEffect, useState } from 'react'
import { useCopy } from '../../shared/hooks/use-copy.ts'
import { absoluteAppUrl } from '../../shared/absolute-url.ts'
import { withBase } from '../../shared/base-path.ts'
import postText from 'virtual:site-locale/post'

export function SharePost({ path, title }: { path: string; title: string }) {
  const { copied, copy } = useCopy()
  // Known only in the browser, after the first render (which must match the prerendered page).
  const [url, setUrl] = useState<string | null>(null)
  const [canShare, setCanShare] = useState(false)
  useEffect(() => {
    setUrl(absoluteAppUrl(path))
    setCanShare(typeof navigator.share === 'function')
  }, [path])
  const link = url ?? withBase(path)
  const share = async () => {
    if (canShare) {
      try {
        await navigator.share({ title, url: link })
        return
      } catch (error) {
        if ((error as DOMException).name === 'AbortError') return
      }
    }
    await copy(link)
  }
  const encodedUrl = encodeURIComponent(link)
  const encodedTitle = encodeURIComponent(title)
  return (
    <section className="share-post" aria-label={postText.sharePost}>
      <button type="button" className="share-button" onClick={share}>
        {canShare ? postText.share : postText.copyLink}
      </button>
      <span className="share-confirmation" role="status">
        {copied ? postText.linkCopiedToClipboard : ''}
      </span>
      <ul className="share-links">
        <li>
          <a href={`mailto:?subject=${encodedTitle}&body=${encodedUrl}`}>{postText.email}</a>
        </li>
        <li>
          <a href={`https://www.linkedin.com/sharing/share-offsite/?url=${encodedUrl}`} target="_blank" rel="noopener noreferrer">
            LinkedIn
          </a>
        </li>
        <li>
          <a href={`https://x.com/intent/post?text=${encodedTitle}&url=${encodedUrl}`} target="_blank" rel="noopener noreferrer">
            X
          </a>
        </li>
      </ul>
    </section>
  )
}
