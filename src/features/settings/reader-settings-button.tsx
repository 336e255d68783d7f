/**
 * The header's "Reading settings" disclosure: a button that opens the settings panel over the page.
 * The panel's code loads on the first press (it is not part of any page's first load). Escape or a
 * click elsewhere closes it and focus returns to the button.
 */
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react'
import './reader-settings.css'
import { t } from '../../shared/i18n/i18n.ts'

const ReaderSettingsPanel = lazy(() => import('./reader-settings-panel.tsx'))

export function ReaderSettingsButton() {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const container = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      button.current?.focus()
    }
    const onPointer = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
    }
  }, [open])

  return (
    <div className="reader-settings" ref={container}>
      <button
        ref={button}
        type="button"
        className="reader-settings-toggle"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="reader-settings-icon" aria-hidden="true">
          Aa
        </span>
        <span className="reader-settings-toggle-text">{t.layout.readingSettings}</span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <ReaderSettingsPanel id={panelId} />
        </Suspense>
      )}
    </div>
  )
}
