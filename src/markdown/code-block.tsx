/**
 * A code block (`<pre>`) with a Copy button, as the peer themes have. The button sits in a bar above
 * the code, never over it; the code scrolls sideways in its own box, never the page. The copied text
 * is the code as written (the element's text, without the highlighter's markup).
 */
import { Children, isValidElement, useRef, type ComponentProps, type ReactNode } from 'react'
import { useCopy } from '../shared/hooks/use-copy.ts'
import { t } from '../shared/i18n/i18n.ts'

export function CodeBlock(props: ComponentProps<'pre'>) {
  const pre = useRef<HTMLPreElement>(null)
  const { copied, copy } = useCopy()
  const language = languageOf(props.children)
  return (
    <div className="code-block" data-ui-wrap="">
      <div className="code-block-bar" data-ui="">
        {language && <span className="code-block-language">{language}</span>}
        <span className="visually-hidden" role="status">
          {copied ? t.body.codeCopied : ''}
        </span>
        <button type="button" className="code-copy" aria-label={copied ? t.body.copied : t.body.copyCode} onClick={() => void copy(pre.current?.textContent ?? '')}>
          {copied ? t.body.copied : t.body.copy}
        </button>
      </div>
      {/* Focusable, so a keyboard can scroll a long line into view. */}
      <pre {...props} ref={pre} tabIndex={0} />
    </div>
  )
}

/** The language a fenced block names (```ruby, {% highlight ruby %}): the code's `language-*` class. */
function languageOf(children: ReactNode): string | null {
  const code = Children.toArray(children)[0]
  if (!isValidElement<{ className?: unknown }>(code) || typeof code.props.className !== 'string') return null
  return /(?:^|\s)language-([\w+#.-]+)/.exec(code.props.className)?.[1] ?? null
}
