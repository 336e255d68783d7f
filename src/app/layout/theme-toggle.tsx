/**
 * Light or dark: follows the system until the reader chooses, then remembers the choice. The choice is
 * applied by a tiny script in index.html before the first paint, so no page flashes the wrong theme.
 */
import { useEffect, useState } from 'react'

export const THEME_STORAGE_KEY = 'theme'
type Theme = 'light' | 'dark'

function currentTheme(): Theme {
  const chosen = document.documentElement.dataset.theme
  if (chosen === 'light' || chosen === 'dark') return chosen
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

export function ThemeToggle() {
  // Unknown while prerendering; read from the document once in the browser.
  const [theme, setTheme] = useState<Theme | null>(null)
  useEffect(() => setTheme(currentTheme()), [])
  const toggle = () => {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark'
    document.documentElement.dataset.theme = next
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next)
    } catch {
      // Storage may be off (private mode): the choice then lasts for this page only.
    }
    setTheme(next)
  }
  return (
    <button type="button" className="theme-toggle" aria-pressed={theme === 'dark'} onClick={toggle}>
      <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span> Dark theme
    </button>
  )
}
