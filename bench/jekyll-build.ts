/**
 * Plain Jekyll's build of the same generated posts, the reference the app's build budgets are ratios to
 * (issue 18): Debian's `jekyll` package, a one-line layout and the portfolYOU theme's includes (from
 * ../shared/corpus/portfolyou-site/_theme/_includes/), no theme, no plugins. The bench installs nothing:
 * without `jekyll` on the PATH it says so and the ratios are not measured (`apt-get install jekyll`).
 */
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { childrenCpuSeconds, quietDisk } from './process-stats.ts'

export const THEME_INCLUDES = resolve('../shared/corpus/portfolyou-site/_theme/_includes')

export interface JekyllBuild {
  seconds: number
  cpuSeconds: number
}

/** The `jekyll` command's path, or null when it is not installed. */
export function findJekyll(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v jekyll'], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}

/** A Jekyll site around `postsDir` in `siteDir`: its posts (linked), a one-line layout, the theme's includes. */
export function jekyllSite(postsDir: string, siteDir: string): void {
  if (!existsSync(THEME_INCLUDES)) throw new Error(`The theme's includes are missing: ${THEME_INCLUDES}`)
  rmSync(siteDir, { recursive: true, force: true })
  mkdirSync(join(siteDir, '_layouts'), { recursive: true })
  symlinkSync(resolve(postsDir), join(siteDir, '_posts'))
  cpSync(THEME_INCLUDES, join(siteDir, '_includes'), { recursive: true })
  writeFileSync(join(siteDir, '_layouts/post.html'), '<!doctype html><title>{{ page.title }}</title>{{ content }}\n')
  writeFileSync(
    join(siteDir, '_config.yml'),
    ['title: Bench', 'markdown: kramdown', 'permalink: /blog/:title/', 'defaults:', '  - scope: { path: "" }', '    values: { layout: post }', ''].join('\n'),
  )
}

/** `jekyll build` of the site, cold (its output and cache removed first, untimed). */
export async function jekyllBuild(jekyll: string, siteDir: string, outDir: string): Promise<JekyllBuild> {
  rmSync(outDir, { recursive: true, force: true })
  rmSync(join(siteDir, '.jekyll-cache'), { recursive: true, force: true })
  quietDisk()
  const started = performance.now()
  const cpuBefore = childrenCpuSeconds()
  const child = spawn(jekyll, ['build', '--quiet', '--source', siteDir, '--destination', outDir], { stdio: 'inherit' })
  const code = await new Promise<number>((done) => child.on('exit', (exit) => done(exit ?? 1)))
  if (code !== 0) throw new Error(`jekyll build of ${siteDir} failed (exit ${code})`)
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: childrenCpuSeconds() - cpuBefore }
}
