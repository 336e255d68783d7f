/**
 * Work the reader does not see, put off until the frame the reader waits for has been painted: the
 * next idle period, or at the latest `timeout` ms later (a busy page). Returns a cancel.
 *
 * For the browser's own state around the page (history entries, the document title): writing them
 * costs a few milliseconds, which a tag click or a keystroke would otherwise wait for.
 */
export function afterPaint(task: () => void, timeout = 100): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout })
    return () => cancelIdleCallback(handle)
  }
  // Safari: no idle callbacks; after the next frame.
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => (timer = setTimeout(task, 0)))
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}
