import { withBase } from './base-path.ts'

/** The address a reader can share for an app path: this origin, the base path, the path. Browser only. */
export function absoluteAppUrl(path: string): string {
  return `${window.location.origin}${withBase(path)}`
}
