/**
 * The theme's carousel (`elements/carousel.html`): slides in a scroll-snapping strip that works
 * without JavaScript; with it, previous/next buttons and the arrow keys move one slide. No autoplay.
 */
import { Children, useRef, useState, type KeyboardEvent, type ReactElement, type ReactNode } from 'react'
import { fill, t } from '../shared/i18n/i18n.ts'

export function Carousel({ children }: { children?: ReactNode }) {
  const track = useRef<HTMLUListElement>(null)
  const [current, setCurrent] = useState(0)
  // The build gives one <ul> of <li> slides.
  const list = Children.toArray(children).find((child): child is ReactElement<{ children?: ReactNode }> => typeof child === 'object' && child !== null && 'props' in child)
  const slides = Children.toArray(list?.props.children).filter((child) => typeof child === 'object')
  const count = slides.length

  const show = (index: number) => {
    const next = (index + count) % count
    setCurrent(next)
    const slide = track.current?.children[next] as HTMLElement | undefined
    track.current?.scrollTo({ left: slide?.offsetLeft ?? 0, behavior: 'smooth' })
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight') show(current + 1)
    else if (event.key === 'ArrowLeft') show(current - 1)
    else return
    event.preventDefault()
  }

  return (
    <section className="carousel" data-element="carousel" aria-roledescription={t.body.carousel} aria-label={t.body.imageCarousel} onKeyDown={onKeyDown}>
      <ul className="carousel-track" ref={track} tabIndex={0} aria-label={fill(t.body.slides, { count })}>
        {slides.map((slide, index) => (
          <li key={index} className="carousel-slide" aria-roledescription={t.body.slide} aria-label={fill(t.body.slideOf, { slide: index + 1, count })} aria-hidden={index !== current}>
            {(slide as ReactElement<{ children?: ReactNode }>).props.children}
          </li>
        ))}
      </ul>
      {count > 1 && (
        <div className="carousel-controls" data-ui="">
          <button type="button" onClick={() => show(current - 1)} aria-label={t.body.previousSlide}>
            ‹
          </button>
          <p aria-live="polite">
            {current + 1} / {count}
          </p>
          <button type="button" onClick={() => show(current + 1)} aria-label={t.body.nextSlide}>
            ›
          </button>
        </div>
      )}
    </section>
  )
}
