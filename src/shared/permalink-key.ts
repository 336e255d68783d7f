/** How a permalink and a URL path are compared: no trailing slash, no `.html`, no `index.html`. */
export function permalinkKey(path: string): string {
  return path.replace(/\/index\.html$/, '/').replace(/\.html$/, '').replace(/\/+$/, '') || '/'
}
