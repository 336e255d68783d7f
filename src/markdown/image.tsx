/**
 * A post image. A missing image shows its alt text (or nothing, for a decorative image) instead of the
 * browser's broken-image icon; in a figure, whose caption already says what it shows, a short notice.
 */
import { useContext, useState, type ComponentProps } from 'react'
import { InFigure } from './figure.tsx'
import { t } from '../shared/i18n/i18n.ts'

export function Image({ alt, className, ...props }: ComponentProps<'img'>) {
  const [failed, setFailed] = useState(false)
  const inFigure = useContext(InFigure)
  if (failed) {
    if (!alt) return null
    return (
      <span className="image-missing" role="img" aria-label={alt}>
        {inFigure ? t.body.imageNotAvailable : alt}
      </span>
    )
  }
  return <img {...props} alt={alt ?? ''} className={className} onError={() => setFailed(true)} />
}
