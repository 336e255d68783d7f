/** The address a reader can share for an app path: this origin, the base path, the path. Browser only. */
export function absoluteAppUrl(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '')
  return `${window.location.origin}${base}${path}`
}
