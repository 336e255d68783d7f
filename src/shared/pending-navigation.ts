/**
 * The navigation on its way: the browser router (src/app/browser-router.tsx) renders each new location
 * in a transition, so the page on screen stays until the next one is ready. Meanwhile a page may show
 * the controls that asked for it in their new state already (the list's filter does).
 */
import { createContext, useContext } from 'react'
import type { Location } from 'react-router'

export const PendingNavigation = createContext<Location | null>(null)

/** The location being loaded, or null when the page on screen is the current one. */
export function usePendingLocation(): Location | null {
  return useContext(PendingNavigation)
}

/** True while the next page is loading. */
export function useNavigationPending(): boolean {
  return usePendingLocation() !== null
}
