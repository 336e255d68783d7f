/**
 * A YouTube video (or a playlist, `listId`) that loads nothing from YouTube until the reader asks: a play
 * control with the video's link (which is all a reader without JavaScript gets), then the
 * youtube-nocookie player.
 */
import { useState, type ReactNode } from 'react'
import { t } from '../shared/i18n/i18n.ts'

const VIDEO_ID = /^[\w-]{6,20}$/
const LIST_ID = /^[\w-]{10,64}$/

export function Video({ videoId, listId, children }: { videoId: string; listId?: string; children?: ReactNode }) {
  const [playing, setPlaying] = useState(false)
  const embed = listId && LIST_ID.test(listId) ? `videoseries?list=${listId}&autoplay=1` : VIDEO_ID.test(videoId) ? `${videoId}?autoplay=1` : null
  // The tree's own attributes, for the body to be read back from the page (body-from-dom.ts).
  const source = { 'data-element': 'video', 'data-video-id': videoId, 'data-video-list': listId }
  if (embed === null) return <div className="video" {...source}>{children}</div>
  if (playing) {
    return (
      <div className="video video-playing" {...source}>
        <iframe
          src={`https://www.youtube-nocookie.com/embed/${embed}`}
          title={t.body.videoPlayer}
          allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture"
          allowFullScreen
        />
      </div>
    )
  }
  return (
    <div className="video" {...source}>
      <button type="button" className="video-play" data-ui="" onClick={() => setPlaying(true)}>
        <span className="video-play-icon" aria-hidden="true">▶</span>
        <span>{t.body.playVideo}</span>
      </button>
      <p className="video-link" data-ui-wrap="">
        {children}
        <span className="video-note" data-ui="">{` ${t.body.videoNote}`}</span>
      </p>
    </div>
  )
}
