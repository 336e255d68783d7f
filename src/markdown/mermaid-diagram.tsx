/**
 * A ```` ```mermaid ```` code block, drawn as a diagram once it is near the screen. Until then (and
 * without JavaScript) the code itself is shown; Mermaid's code loads only on a post that has a diagram,
 * and only when one is scrolled near, so it never counts in a page's first load.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useDocumentTheme } from './use-document-theme.ts'
import mermaidCss from './mermaid-diagram.css?inline'
import { fill, t } from '../shared/i18n/i18n.ts'

/** How far below the screen a diagram starts loading: about half a phone's screen ahead of the reader. */
const LOAD_MARGIN = '400px 0px'

export function MermaidDiagram({ source, children }: { source: string; children: ReactNode }) {
  const frame = useRef<HTMLElement>(null)
  const near = useNearScreen(frame)
  const theme = useDocumentTheme()
  const [drawn, setDrawn] = useState<{ svg: string } | { error: string } | null>(null)

  useEffect(() => {
    if (!near || !theme) return
    let current = true
    import('./mermaid-render.ts')
      .then(({ renderMermaid }) => renderMermaid(source, theme))
      .then(
        (svg) => current && setDrawn({ svg }),
        (error: unknown) => current && setDrawn({ error: error instanceof Error ? error.message : String(error) }),
      )
    return () => {
      current = false
    }
  }, [near, theme, source])

  return (
    <figure className="mermaid-diagram" data-ui-wrap="" ref={frame} data-state={drawn ? ('svg' in drawn ? 'drawn' : 'failed') : 'code'}>
      <style href="mermaid-diagram" precedence="default">
        {mermaidCss}
      </style>
      {drawn && 'svg' in drawn ? (
        <>
          <div className="mermaid-svg" data-ui="" role="img" aria-label={diagramLabel(source)} dangerouslySetInnerHTML={{ __html: drawn.svg }} />
          <details className="mermaid-source" data-ui-wrap="">
            <summary data-ui="">{t.body.diagramSource}</summary>
            {children}
          </details>
        </>
      ) : (
        children
      )}
      {drawn && 'error' in drawn && <figcaption className="mermaid-error" data-ui="">{fill(t.body.diagramFailed, { error: drawn.error })}</figcaption>}
    </figure>
  )
}

/** The diagram's kind from its first word (`flowchart`, `sequenceDiagram`), for screen readers. */
function diagramLabel(source: string): string {
  const kind = /^\s*(?:%%.*\n\s*)*([A-Za-z-]+)/.exec(source)?.[1]
  return kind ? fill(t.body.diagramOfKind, { kind }) : t.body.diagram
}

function useNearScreen(target: React.RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false)
  useEffect(() => {
    const element = target.current
    if (!element || near) return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setNear(true)
    }, { rootMargin: LOAD_MARGIN })
    observer.observe(element)
    return () => observer.disconnect()
  }, [target, near])
  return near
}
