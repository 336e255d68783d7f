/**
 * A code block (`<pre>`) with a Copy button, as the peer themes have. The button sits in a bar above
 * the code, never over it; the code scrolls sideways in its own box, never the page. The copied text
 * is the code as written (the element's text, without the highlighter's markup).
 */
import { useRef, type ComponentProps } from 'react'
import { useCopy } from '../shared/hooks/use-copy.ts'

export function CodeBlock(props: ComponentProps<'pre'>) {
  const pre = useRef<HTMLPreElement>(null)
  const { copied, copy } = useCopy()
  return (
    <div className="code-block">
      <div className="code-block-bar">
        <span className="visually-hidden" role="status">
          {copied ? 'Code copied to the clipboard' : ''}
        </span>
        <button type="button" className="code-copy" onClick={() => void copy(pre.current?.textContent ?? '')}>
          {copied ? 'Copied' : 'Copy'}
          <span className="visually-hidden"> code</span>
        </button>
      </div>
      {/* Focusable, so a keyboard can scroll a long line into view. */}
      <pre {...props} ref={pre} tabIndex={0} />
    </div>
  )
}
