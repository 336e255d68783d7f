/** Copies text to the clipboard and says so for a moment: the visible confirmation a reader needs. */
import { useCallback, useEffect, useRef, useState } from 'react'

export function useCopy(resetAfter = 2500): { copied: boolean; copy: (text: string) => Promise<boolean> } {
  const [copied, setCopied] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const copy = useCallback(
    async (text: string) => {
      try {
        await navigator.clipboard.writeText(text)
      } catch {
        return false
      }
      setCopied(true)
      clearTimeout(timer.current)
      timer.current = setTimeout(() => setCopied(false), resetAfter)
      return true
    },
    [resetAfter],
  )
  return { copied, copy }
}
