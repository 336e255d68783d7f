/** What a page tells the prerenderer about itself, to build its `<head>`. */
import type { PostSummary } from './post-data.ts'

export interface PageFacts {
  title: string
  description: string
  post?: PostSummary
  status?: number
}
