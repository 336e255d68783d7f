/**
 * Where a built file may go: every page writer (posts, quote pages, cards, list and tag pages, and
 * later site and redirect pages) turns its route into a file here and writes through `outputPath`, so
 * no post text (a slug, a permalink, a quote id, a tag) can put a file outside `dist/` or onto a file
 * another page owns.
 *
 * - `routeFile('/blog/x/')` -> `blog/x/index.html`, `routeFile('/old.html')` -> `old.html`; a path with
 *   a `.`/`..`/empty segment, a backslash, a control character or an over-long name is refused.
 * - `OutputClaims` hands out each file once; a second claimant gets a message naming both, and a file
 *   where another page needs a folder (`feed.xml` and `feed.xml/index.html`) is a collision too.
 * - `outputPath(outDir, file)` is the last check before writing: the absolute path, or a throw when
 *   the file would land outside `outDir`.
 */

/** Most file systems allow 255 bytes in a name; the rest is room for `.png`, `.json` and the like. */
const MAX_NAME_BYTES = 200

export class OutputPathError extends Error {
  override name = 'OutputPathError'
}

/** Why `segment` cannot be one file or folder name under `dist/`, or null when it can. */
export function unsafeSegmentReason(segment: string): string | null {
  if (segment === '') return 'is empty'
  if (segment === '.' || segment === '..') return `is "${segment}", which names a folder, not a page of its own`
  if (/[/\\]/.test(segment)) return 'contains a slash or a backslash'
  // Control characters (NUL above all) make names that tools and hosts disagree about.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(segment)) return 'contains a control character'
  if (new TextEncoder().encode(segment).length > MAX_NAME_BYTES) return `is longer than ${MAX_NAME_BYTES} bytes, more than file systems allow in a name`
  return null
}

export function isSafeSegment(segment: string): boolean {
  return unsafeSegmentReason(segment) === null
}

/**
 * A route path as written (decoded: `/blog/café/`, not `/blog/caf%C3%A9/`) -> its file under `dist/`.
 * A path ending in `/` is a folder with an `index.html`; one ending in `.html` is that file; any other
 * is a folder too, as Jekyll writes `permalink: /about` to `about/index.html`.
 */
export function routeFile(path: string): string {
  if (!path.startsWith('/')) throw new OutputPathError(`The path ${JSON.stringify(path)} does not start with "/"`)
  const isFile = /\.html$/i.test(path)
  const segments = path.slice(1).split('/')
  if (!isFile && segments.at(-1) === '') segments.pop()
  const names = isFile ? segments : [...segments, 'index.html']
  for (const segment of path === '/' ? [] : names) {
    const reason = unsafeSegmentReason(segment)
    if (reason) throw new OutputPathError(`The path ${JSON.stringify(path)} cannot be a file under dist/: its part ${JSON.stringify(segment)} ${reason}`)
  }
  return names.join('/')
}

/**
 * `file` (relative, `/`-separated) as a path inside `outDir`; throws when it is not inside. Checked by its
 * parts, not by resolving it: a file none of whose parts is empty, `.`, `..` or holds a separator cannot
 * leave the folder, and the check needs nothing from Node (the app's tests load this module too).
 */
export function outputPath(outDir: string, file: string): string {
  const unsafe = file.split('/').map(unsafeSegmentReason).find((reason) => reason !== null)
  if (unsafe !== undefined || /^[a-z]:/i.test(file)) {
    throw new OutputPathError(`Refusing to write ${JSON.stringify(file)}: it is not a file inside ${outDir} (a part of it ${unsafe ?? 'names a drive'})`)
  }
  return `${outDir.replace(/[\\/]+$/, '')}/${file}`
}

/**
 * Each output file has one claimant. Keys ignore case and Unicode normalization: static hosts may sit on
 * file systems where `Post` and `post`, or a composed and a decomposed `é`, are one file.
 */
export class OutputClaims {
  private readonly files = new Map<string, { file: string; claimant: string }>()
  private readonly folders = new Map<string, { file: string; claimant: string }>()

  /**
   * Claims `file` for `claimant` (a post's source file, or what the app writes: "the post list").
   * Returns null, or why it cannot: the file, both claimants, and that one of them must move.
   */
  claim(file: string, claimant: string): string | null {
    const key = claimKey(file)
    const owner = this.files.get(key) ?? this.folders.get(key)
    if (owner) return collision(file, claimant, owner)
    const parts = key.split('/')
    for (let end = 1; end < parts.length; end += 1) {
      const folder = parts.slice(0, end).join('/')
      const fileOwner = this.files.get(folder)
      if (fileOwner) return collision(file, claimant, fileOwner)
    }
    this.files.set(key, { file, claimant })
    for (let end = 1; end < parts.length; end += 1) {
      const folder = parts.slice(0, end).join('/')
      if (!this.folders.has(folder)) this.folders.set(folder, { file, claimant })
    }
    return null
  }

  /** Every file claimed, as its claimant named it. */
  claimedFiles(): string[] {
    return [...this.files.values()].map((owner) => owner.file)
  }
}

function claimKey(file: string): string {
  return file.normalize('NFC').toLowerCase()
}

function collision(file: string, claimant: string, owner: { file: string; claimant: string }): string {
  const what =
    owner.file === file
      ? `dist/${file}`
      : claimKey(owner.file) === claimKey(file)
        ? `dist/${file} (the same file as dist/${owner.file} on hosts that ignore case)`
        : `dist/${file} (one of dist/${file} and dist/${owner.file} needs the other's name as a folder)`
  return `${what} would be written by ${claimant} and by ${owner.claimant}. Change the slug or permalink of one of them`
}
