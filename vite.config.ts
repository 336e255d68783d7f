import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { jekyllPosts } from './src/content/vite-plugin.ts'

// The base path comes from the site settings (BASE_PATH, src/site-settings.ts or _config.yml's baseurl).
export default defineConfig({
  plugins: [react(), jekyllPosts()],
  build: {
    outDir: process.env.OUT_DIR ?? 'dist',
  },
})
