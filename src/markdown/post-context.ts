/** Which post a body belongs to, so passages can build their own links. */
import { createContext } from 'react'

export interface PostContextValue {
  slug: string
  title: string
  /** Whether the post's highlights have pages of their own (PostData's `highlightPages`). */
  highlightPages?: boolean
}

export const PostContext = createContext<PostContextValue | null>(null)
