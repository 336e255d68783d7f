/** The theme the page shows now (the reader's choice on `<html data-theme>`, else the system's), kept current. */
import { useEffect, useState } from 'react'

export type DocumentTheme = 'light' | 'dark'

function readTheme(): DocumentTheme {
  const chosen = document.documentElement.dataset.theme
  if (chosen === 'light' || chosen === 'dark') return chosen
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

/** Null while prerendering and before the first effect, so the server and the browser render the same. */
export function useDocumentTheme(): DocumentTheme | null {
  const [theme, setTheme] = useState<DocumentTheme | null>(null)
  useEffect(() => {
    const update = () => setTheme(readTheme())
    update()
    const attributes = new MutationObserver(update)
    attributes.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    const system = window.matchMedia('(prefers-color-scheme: dark)')
    system.addEventListener('change', update)
    return () => {
      attributes.disconnect()
      system.removeEventListener('change', update)
    }
  }, [])
  return theme
}
