/**
 * What one post's Liquid render keeps beside liquidjs's own context: where problems are reported, the
 * includes being rendered (so a problem inside an include file points at the include in the post) and
 * the captures an unknown include may have been fed.
 */
import type { Context, Token } from 'liquidjs'

export interface RenderState {
  /** Reports at `offset` in the post's own source; `fatal` makes the post unusable. */
  report: (offset: number, reason: string, fatal?: boolean) => void
  /** The `{% include %}` tokens being rendered, outermost (the one in the post) first. */
  includes: Token[]
  /** Names captured since the last include, in order. */
  captures: string[]
  /** The post's path as `{% link %}` names it (`_posts/x.md`), for `include_relative`. */
  path: string | null
  /** One warning per post for `site.github.*`. */
  warnedGithub: boolean
}

const REGISTER = 'jekyll-reader'

export function setRenderState(ctx: Context, state: RenderState) {
  ctx.setRegister(REGISTER, state)
}

export function renderStateOf(ctx: Context): RenderState | null {
  return (ctx.getRegister(REGISTER) as RenderState | undefined) ?? null
}

/** Where a token's problem belongs in the post: its own place, or the include in the post that led to it. */
export function offsetOf(state: RenderState, token: Token): number {
  return token.file === undefined ? token.begin : (state.includes[0]?.begin ?? 0)
}

export function reportAt(ctx: Context, token: Token, reason: string, fatal = false) {
  const state = renderStateOf(ctx)
  if (state) state.report(offsetOf(state, token), reason, fatal)
}
