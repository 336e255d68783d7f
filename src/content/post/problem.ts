/**
 * A problem found in a post, as authors read it: `posts/x.md:3:7: reason`. Fatal problems keep a post
 * out of the build; warnings are printed and the post is published.
 */
import type { VFileMessage } from 'vfile-message'

export interface Problem {
  file: string
  line: number | null
  column: number | null
  reason: string
  fatal: boolean
}

export function problemFromMessage(file: string, message: VFileMessage): Problem {
  return {
    file,
    line: message.line ?? null,
    column: message.column ?? null,
    reason: message.reason,
    fatal: message.fatal === true,
  }
}

export function formatProblem(problem: Problem): string {
  const place = problem.line === null ? '' : `:${problem.line}${problem.column === null ? '' : `:${problem.column}`}`
  return `${problem.file}${place}: ${problem.reason}`
}
