/**
 * A component's own class before the element's: once, so that rendering a body read back from its
 * page (body-from-dom.ts), whose elements carry that class already, gives the same markup.
 */
export function withClass(own: string, className: string | undefined): string {
  const rest = (className ?? '').split(/\s+/).filter((name) => name && name !== own)
  return [own, ...rest].join(' ')
}
