/**
 * The last run's output is moved aside, not deleted, before a timed build, and deleted once the run's
 * measurements are over.
 *
 * Deleting files slows the files created right after: where ext4 runs without a journal (as on this
 * machine's disk), creating a file skips, one by one, every inode freed in the last minute or more
 * (recently_deleted() in the kernel's fs/ext4/ialloc.c). Measured on a 1,000-post cold build: 3.5 s of
 * system CPU on a disk with no recent deletes, 5.4 s right after deleting the previous build's 15,000
 * files, and 2.4 s into tmpfs. An author's first CI run, on a fresh machine, deletes nothing first, so
 * the timed builds (the app's and Jekyll's alike) start with nothing freed. The cost: the last run's
 * outputs stay on disk until the end of this one (up to ~1 GB with a 10,000-post run's).
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'

export function setAside(path: string, work: string): void {
  if (!existsSync(path)) return
  const trash = join(work, '.trash')
  mkdirSync(trash, { recursive: true })
  try {
    renameSync(path, join(trash, `${Date.now()}-${Math.random().toString(36).slice(2, 8)}-${basename(path)}`))
  } catch (error) {
    // Another file system (`--dist` elsewhere): it cannot be moved, only deleted.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    rmSync(path, { recursive: true, force: true })
  }
}

/** Deletes what this run and any earlier, interrupted one set aside. */
export function emptyTrash(work: string): void {
  rmSync(join(work, '.trash'), { recursive: true, force: true })
}
