/**
 * The header's theme button. Its label says what a press does ("Dark theme" read the same in both
 * themes): "Switch to dark theme" or "Switch to light theme". Before the app runs (a prerendered page),
 * both labels are in the page and CSS shows the one that fits the theme on screen (styles.css, `.theme-to-*`),
 * so the label is right from the first paint. The choice itself lives in src/shared/theme/.
 */
import { setThemeChoice, shownTheme } from '../../shared/theme/theme-choice.ts'
import { useTheme } from '../../shared/theme/use-theme.ts'
import { t } from '../../shared/i18n/i18n.ts'

export function ThemeToggle() {
  const theme = useTheme()
  const toggle = () => setThemeChoice(shownTheme() === 'dark' ? 'light' : 'dark')
  return (
    <button type="button" className="theme-toggle" onClick={toggle}>
      {theme === null || theme.shown === 'light' ? (
        <span className="theme-to-dark">
          <MoonIcon />
          <span className="theme-toggle-text">{t.layout.switchToDark}</span>
        </span>
      ) : null}
      {theme === null || theme.shown === 'dark' ? (
        <span className="theme-to-light">
          <SunIcon />
          <span className="theme-toggle-text">{t.layout.switchToLight}</span>
        </span>
      ) : null}
    </button>
  )
}

function MoonIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
      <path fill="currentColor" d="M6.2 1.3a6.8 6.8 0 1 0 8.5 8.5A5.6 5.6 0 0 1 6.2 1.3z" />
    </svg>
  )
}

function SunIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
      <circle cx="8" cy="8" r="3.2" fill="currentColor" />
      <path stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" d="M8 .9v1.8M8 13.3v1.8M.9 8h1.8M13.3 8h1.8M3 3l1.3 1.3M11.7 11.7 13 13M3 13l1.3-1.3M11.7 4.3 13 3" />
    </svg>
  )
}
