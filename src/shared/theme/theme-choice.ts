/**
 * The reader's theme: `system` (follow the operating system), `light` or `dark`. One small module that
 * every control setting it (the header's toggle, a reading-settings panel) shares, so they stay in step:
 * the choice lives on `<html data-theme>` (applied before the first paint by the script in index.html,
 * which reads the same storage key) and in localStorage.
 */
export type ThemeChoice = 'system' | 'light' | 'dark'
export type Theme = 'light' | 'dark'

export const THEME_STORAGE_KEY = 'theme'
const CHANGE_EVENT = 'themechange'

/** What the reader chose; `system` until they choose. */
export function readThemeChoice(): ThemeChoice {
  const chosen = document.documentElement.dataset.theme
  return chosen === 'light' || chosen === 'dark' ? chosen : 'system'
}

/** The theme on screen now: the choice, or the system's when the choice is `system`. */
export function shownTheme(choice: ThemeChoice = readThemeChoice()): Theme {
  if (choice !== 'system') return choice
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

export function setThemeChoice(choice: ThemeChoice): void {
  const root = document.documentElement
  if (choice === 'system') delete root.dataset.theme
  else root.dataset.theme = choice
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY)
    else localStorage.setItem(THEME_STORAGE_KEY, choice)
  } catch {
    // Storage may be off (private mode): the choice then lasts for this page only.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT))
}

/** Calls `listener` when the choice changes (from any control) or the system's scheme does. */
export function subscribeToTheme(listener: () => void): () => void {
  const system = window.matchMedia('(prefers-color-scheme: dark)')
  window.addEventListener(CHANGE_EVENT, listener)
  system.addEventListener('change', listener)
  return () => {
    window.removeEventListener(CHANGE_EVENT, listener)
    system.removeEventListener('change', listener)
  }
}
