/**
 * The reader's own reading settings on this device: text size and line width. They live on `<html>`
 * (`data-text-size`, `data-line-width`, which reader-settings.css reads) and in localStorage, and are
 * applied before the first paint by the script in index.html, which reads the same keys and values
 * (`isTextSize`, `isLineWidth`): a page never paints at one size and then jumps to another. The theme
 * is the third setting of the panel; it lives in src/shared/theme/, shared with the header's toggle.
 */
export const TEXT_SIZES = ['small', 'normal', 'large', 'larger'] as const
export const LINE_WIDTHS = ['narrow', 'normal', 'wide'] as const
export type TextSize = (typeof TEXT_SIZES)[number]
export type LineWidth = (typeof LINE_WIDTHS)[number]

export interface ReaderSettings {
  textSize: TextSize
  lineWidth: LineWidth
}

/** Storage keys and `<html>` attributes; index.html's inline script uses the same. */
export const SETTING_KEYS = {
  textSize: { storage: 'text-size', attribute: 'textSize' },
  lineWidth: { storage: 'line-width', attribute: 'lineWidth' },
} as const

export const DEFAULT_SETTINGS: ReaderSettings = { textSize: 'normal', lineWidth: 'normal' }
const CHANGE_EVENT = 'readersettingschange'

export function isTextSize(value: unknown): value is TextSize {
  return (TEXT_SIZES as readonly unknown[]).includes(value)
}

export function isLineWidth(value: unknown): value is LineWidth {
  return (LINE_WIDTHS as readonly unknown[]).includes(value)
}

/** The settings on screen, read back from `<html>` (where the inline script or a control put them). */
export function readReaderSettings(root: HTMLElement = document.documentElement): ReaderSettings {
  const textSize = root.dataset[SETTING_KEYS.textSize.attribute]
  const lineWidth = root.dataset[SETTING_KEYS.lineWidth.attribute]
  return {
    textSize: isTextSize(textSize) ? textSize : DEFAULT_SETTINGS.textSize,
    lineWidth: isLineWidth(lineWidth) ? lineWidth : DEFAULT_SETTINGS.lineWidth,
  }
}

export function setReaderSetting<K extends keyof ReaderSettings>(key: K, value: ReaderSettings[K]): void {
  const { storage, attribute } = SETTING_KEYS[key]
  const root = document.documentElement
  // The default is no attribute and no stored value: the stylesheet's own sizes apply.
  if (value === DEFAULT_SETTINGS[key]) delete root.dataset[attribute]
  else root.dataset[attribute] = value
  try {
    if (value === DEFAULT_SETTINGS[key]) localStorage.removeItem(storage)
    else localStorage.setItem(storage, value)
  } catch {
    // Storage may be off (private mode): the setting then lasts for this page only.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT))
}

export function subscribeToReaderSettings(listener: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, listener)
  return () => window.removeEventListener(CHANGE_EVENT, listener)
}
