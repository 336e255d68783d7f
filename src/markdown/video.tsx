/**
 * A YouTube video that loads nothing from YouTube until the reader asks: a play control with the
 * video's link (which is all a reader without JavaScript gets), then the youtube-nocookie player.
 */
import { useState, type ReactNode } from 'react'

const VIDEO_ID = /^[\w-]{6,20}$/

export function Video({ videoId, children }: { videoId: string; children?: ReactNode }) {
  const [playing, setPlaying] = useState(false)
  if (!VIDEO_ID.test(videoId)) return <div className="video">{children}</div>
  if (playing) {
    return (
      <div className="video video-playing">
        <iframe
          src={`https://www.youtube-nocookie.com/embed/${videoId}?autoplay=1`}
          title="YouTube video player"
          allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture"
          allowFullScreen
        />
      </div>
    )
  }
  return (
    <div className="video">
      <button type="button" className="video-play" onClick={() => setPlaying(true)}>
        <span className="video-play-icon" aria-hidden="true">▶</span>
        <span>Play video</span>
      </button>
      <p className="video-link">
        {children} <span className="video-note">(plays from YouTube when you press play)</span>
      </p>
    </div>
  )
}
