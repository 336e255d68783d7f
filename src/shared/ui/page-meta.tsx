/**
 * What a page says about itself: its title and description, and for a post its summary. In the browser
 * it sets the document title and meta description, once the page is painted (src/shared/after-paint.ts);
 * while prerendering it hands the same facts to the page's `<head>` builder, which adds canonical, Open
 * Graph and JSON-LD tags.
 */
import { createContext, useContext, useEffect } from 'react'
import settings from 'virtual:site-settings'
import type { PostSummary } from '../post-data.ts'
import type { PageFacts } from '../page-facts.ts'
import { afterPaint } from '../after-paint.ts'

/** Set by the prerenderer only. */
export const PageFactsContext = createContext<((facts: PageFacts) => void) | null>(null)

export function PageMeta({ title, description, post, status }: { title?: string; description?: string; post?: PostSummary; status?: number }) {
  const fullTitle = title ? `${title} · ${settings.title}` : settings.title
  const text = description || settings.description
  const report = useContext(PageFactsContext)
  report?.({ title: fullTitle, description: text, ...(post ? { post } : {}), ...(status ? { status } : {}) })
  useEffect(
    () =>
      afterPaint(() => {
        document.title = fullTitle
        document.querySelector('meta[name="description"]')?.setAttribute('content', text)
      }),
    [fullTitle, text],
  )
  return null
}
