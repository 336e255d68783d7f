/** The shown theme and the reader's choice, kept current for any control (see theme-choice.ts). */
import { useSyncExternalStore } from 'react'
import { readThemeChoice, shownTheme, subscribeToTheme, type Theme, type ThemeChoice } from './theme-choice.ts'

/** Null while prerendering: the server cannot know the reader's theme. */
export function useTheme(): { choice: ThemeChoice; shown: Theme } | null {
  const key = useSyncExternalStore(subscribeToTheme, themeKey, () => null)
  if (key === null) return null
  const [choice, shown] = key.split(' ') as [ThemeChoice, Theme]
  return { choice, shown }
}

// A string, so React sees the same snapshot while nothing changed.
function themeKey(): string {
  const choice = readThemeChoice()
  return `${choice} ${shownTheme(choice)}`
}
