/**
 * Whether this build writes a page for every highlight (`highlightPages`). A highlight's page is one
 * file (its card is its post's), and a blog that highlights as the seed post does has about four a
 * post: at 10,000 posts they are 44,000 of the site's ~106,000 files, past what Cloudflare Pages takes
 * (20,000 files; 100,000 on paid plans). So `'auto'`, the default, keeps them while the whole site
 * fits the free plan and leaves them out past it, with a line saying so; `true` and `false` decide
 * for the author. Without its page a highlight's link points at its place in the post.
 */
import { HOST_LIMITS } from '../build/output-report.ts'

export interface HighlightPagesDecision {
  on: boolean
  /** Why 'auto' left them out, for the build's output; null when nothing was decided for the author. */
  note: string | null
}

/**
 * `filesWithPages`: every file the build would write with highlight pages on (the output plan's, the
 * bundle's and the site's own); `highlightPages`: how many of them are highlight pages.
 */
export function decideHighlightPages(setting: boolean | 'auto', filesWithPages: number, highlightPages: number): HighlightPagesDecision {
  if (setting !== 'auto') return { on: setting, note: null }
  if (filesWithPages <= HOST_LIMITS.freeFiles || highlightPages === 0) return { on: true, note: null }
  const count = (value: number) => value.toLocaleString('en-US')
  return {
    on: false,
    note:
      `Highlights link into their posts, without pages of their own: with their ${count(highlightPages)} pages the site would have ` +
      `${count(filesWithPages)} files, past Cloudflare Pages' free plan (${count(HOST_LIMITS.freeFiles)}); it has ${count(filesWithPages - highlightPages)}. ` +
      'Set `highlightPages: true` in src/site-settings.ts (or HIGHLIGHT_PAGES=true) to keep them',
  }
}

/**
 * The output plan as the setting decides: `plan(on)` makes it with highlight pages on or off;
 * `highlightPages` is how many there would be. Under 'auto' the plan without them is made first, and
 * the one with them only when the site keeps them: at 10,000 posts a plan of ~100,000 files held
 * ~70 MB at the build's peak of memory.
 */
export function planHighlightPages<Plan extends { files: string[] }>(setting: boolean | 'auto', plan: (on: boolean) => Plan, highlightPages: number): { plan: Plan } & HighlightPagesDecision {
  if (setting !== 'auto') return { plan: plan(setting), on: setting, note: null }
  const without = plan(false)
  const decision = decideHighlightPages('auto', without.files.length + highlightPages, highlightPages)
  return { plan: decision.on ? plan(true) : without, ...decision }
}
