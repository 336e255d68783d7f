/** A thin bar showing how far through the post the reader is. Decorative: the scroll bar says it too. */
import { useEffect, useRef } from 'react'

export function ReadingProgress() {
  const bar = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let frame = 0
    const update = () => {
      frame = 0
      const article = document.querySelector('article.post')
      if (!article || !bar.current) return
      const { top, height } = article.getBoundingClientRect()
      const total = Math.max(1, height - window.innerHeight)
      const progress = Math.min(1, Math.max(0, -top / total))
      bar.current.style.transform = `scaleX(${progress})`
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update)
    }
    update()
    window.addEventListener('scroll', schedule, { passive: true })
    window.addEventListener('resize', schedule)
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('scroll', schedule)
      window.removeEventListener('resize', schedule)
    }
  }, [])
  return <div className="reading-progress" ref={bar} aria-hidden="true" />
}
