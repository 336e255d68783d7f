import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { jekyllPosts } from './src/content/vite-plugin.ts'

/** `BASE_PATH=/my-blog/` serves the whole site under a sub-path. */
function basePath(): string {
  const base = process.env.BASE_PATH ?? '/'
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')
}

export default defineConfig({
  base: basePath(),
  plugins: [react(), jekyllPosts()],
  build: {
    outDir: process.env.OUT_DIR ?? 'dist',
  },
})
