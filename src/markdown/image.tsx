/**
 * A post image. A missing image shows its alt text (or nothing, for a decorative image) instead of the
 * browser's broken-image icon, and keeps its width and height so the page does not shift.
 */
import { useState, type ComponentProps } from 'react'

export function Image({ alt, className, ...props }: ComponentProps<'img'>) {
  const [failed, setFailed] = useState(false)
  if (failed) {
    return alt ? (
      <span className="image-missing" role="img" aria-label={alt}>
        {alt}
      </span>
    ) : null
  }
  return <img {...props} alt={alt ?? ''} className={className} onError={() => setFailed(true)} />
}
