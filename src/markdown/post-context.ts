/** Which post a body belongs to, so passages can build their own links. */
import { createContext } from 'react'

export interface PostContextValue {
  slug: string
  title: string
}

export const PostContext = createContext<PostContextValue | null>(null)
