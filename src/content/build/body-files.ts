/**
 * Where a production build keeps its posts' rendered bodies between the markdown and the pages: on
 * disk, in one file per build worker, each body written once as the worker renders it, and read back
 * by whichever worker writes that post's page (and by the main process for the feeds' few posts).
 *
 * Why: the main process waits for every post before it can order them (newer, older, related posts);
 * holding every body meanwhile was ~300 MB of its memory at 10,000 posts (33 KB a body as JSON), the
 * build's peak. A worker keeping the bodies it rendered would move that memory, not remove it (the
 * budget counts every process of the build). A body is a few pages of the kernel's file cache instead.
 *
 * One file per worker, appended to: one writer each, no file per post (10,000 of them), and a body's
 * place is three numbers. The folder is the build's own (`node_modules/.jekyll-reader/bodies-...`),
 * removed with the build pool.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT } from './build-cache.ts'

/** A body written to a body file: where to read it, and whether it is empty (a post that only links elsewhere). */
export interface BodyPlace {
  file: string
  offset: number
  bytes: number
  empty: boolean
}

/** A post's body, the hast tree as JSON: the text itself, or in a build, its place in a body file. */
export type PostBody = string | BodyPlace

/** The body of a post without content (`external_url` and nothing else). */
export const EMPTY_BODY_JSON = '{"type":"root","children":[]}'

export function isEmptyBody(body: PostBody): boolean {
  return typeof body === 'string' ? body === EMPTY_BODY_JSON : body.empty
}

/** The body's JSON, read from its body file when it is there. */
export function bodyJson(body: PostBody): string {
  if (typeof body === 'string') return body
  const missing = () => new Error(`${body.file} has no body at ${body.offset} (${body.bytes} bytes): the build's body files were removed or cut short`)
  const buffer = Buffer.allocUnsafe(body.bytes)
  let fd: number
  try {
    fd = openSync(body.file, 'r')
  } catch {
    throw missing()
  }
  try {
    let read = 0
    while (read < body.bytes) {
      const count = readSync(fd, buffer, read, body.bytes - read, body.offset + read)
      if (count === 0) throw missing()
      read += count
    }
  } finally {
    closeSync(fd)
  }
  return buffer.toString('utf8')
}

/**
 * A new folder for one build's body files; `removeBodyFolder` when the build is done. The folders of
 * builds that were killed before they could remove theirs (up to ~330 MB at 10,000 posts) go first.
 */
export function makeBodyFolder(project = PROJECT): string {
  const parent = join(project, 'node_modules', '.jekyll-reader')
  removeDeadBuildsFolders(parent)
  const folder = join(parent, `bodies-${process.pid}-${Date.now()}`)
  mkdirSync(folder, { recursive: true })
  return folder
}

/** `bodies-<pid>-<time>` folders whose build process is no longer running. */
function removeDeadBuildsFolders(parent: string): void {
  let names: string[]
  try {
    names = readdirSync(parent)
  } catch {
    return
  }
  for (const name of names) {
    const pid = Number(/^bodies-(\d+)-\d+$/.exec(name)?.[1])
    if (pid && !isRunning(pid)) rmSync(join(parent, name), { recursive: true, force: true })
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: running, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function removeBodyFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true })
}

/** One process's body file in `folder`: `write` appends a body and returns its place. */
export function bodyWriter(folder: string): { write(json: string): BodyPlace } {
  const file = join(folder, `${process.pid}.json`)
  let fd: number | null = null
  let end = 0
  return {
    write(json) {
      fd ??= openSync(file, 'w')
      const buffer = Buffer.from(json, 'utf8')
      let written = 0
      while (written < buffer.length) written += writeSync(fd, buffer, written, buffer.length - written, end + written)
      const place = { file, offset: end, bytes: buffer.length, empty: json === EMPTY_BODY_JSON }
      end += buffer.length
      return place
    },
  }
}
