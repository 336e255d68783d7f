/**
 * The link-preview cards of one post: its own (unless it has an `image`) and one per block quote, each
 * at the file post-files.ts names. What a card shows is known from the post's title and quotes alone,
 * so the cards are listed while its pages are written (prerender.ts) and drawn elsewhere: in the build,
 * the build worker draws every card while the main process writes every page (prerender-site.ts).
 *
 * Why split so: each process that draws cards loads the fonts and the rasterizer and fills its own glyph
 * cache, and each that renders pages imports the prerender bundle and warms React's renderer up, ~0.7 s
 * of CPU a process for each. Split by kind, each is paid once.
 */
import type { PostSummary } from '../../shared/post-data.ts'
import type { SiteSettings } from '../../site-settings.ts'
import { renderCard, type CardText } from '../emit/cards.ts'
import type { Memo } from '../build/build-cache.ts'
import { writeIfChanged, type OutputWriter } from '../build/write-if-changed.ts'
import { outputPath } from './output-paths.ts'
import type { PostFiles } from './post-files.ts'

export interface CardJob {
  /** Under the output folder (post-files.ts). */
  file: string
  card: CardText
}

/** The cards of a post's files: the post's own (when `files.card` names one) and each block quote's. */
export function postCardJobs(summary: Pick<PostSummary, 'title'>, files: PostFiles, settings: Pick<SiteSettings, 'title'>): CardJob[] {
  const jobs: CardJob[] = files.card ? [{ file: files.card, card: { siteName: settings.title, title: summary.title } }] : []
  for (const { passage, card } of files.passages) {
    if (card) jobs.push({ file: card, card: { siteName: settings.title, title: summary.title, quote: passage.text } })
  }
  return jobs
}

export interface CardContext {
  outDir: string
  /** The persistent build cache (build-cache.ts); none: every card is drawn. */
  memo?: Memo
  write?: OutputWriter
}

/**
 * Draws (or takes from the cache) and writes each card; returns how many. The cards of one call (one
 * post's) are one entry of the build cache: a cold build of 1,000 posts writes ~1,000 entries for its
 * ~2,800 cards, not ~2,800 (each a file created and renamed into place).
 */
export async function drawCards(context: CardContext, jobs: CardJob[]): Promise<number> {
  if (jobs.length === 0) return 0
  const write = context.write ?? writeIfChanged
  const memo = context.memo ?? ((_kind, _input, make) => make())
  const drawEach = async () => {
    const images: Uint8Array[] = []
    for (const job of jobs) images.push(await renderCard(job.card))
    return images
  }
  let images: Uint8Array[]
  try {
    images = unpackImages(await memo('cards', JSON.stringify(jobs.map((job) => job.card)), async () => packImages(await drawEach())), jobs.length)
  } catch {
    // An entry this code cannot read (its key names this code, so only a damaged one): drawn again.
    images = await drawEach()
  }
  jobs.forEach((job, index) => write(outputPath(context.outDir, job.file), images[index]!))
  return jobs.length
}

/** Images one after the other, each after its length (4 bytes, big-endian). */
export function packImages(images: Uint8Array[]): Uint8Array {
  const packed = new Uint8Array(images.reduce((sum, image) => sum + 4 + image.byteLength, 0))
  const view = new DataView(packed.buffer)
  let at = 0
  for (const image of images) {
    view.setUint32(at, image.byteLength)
    packed.set(image, at + 4)
    at += 4 + image.byteLength
  }
  return packed
}

/** packImages' images back; throws unless there are exactly `count` and nothing is left over (a torn or foreign entry). */
export function unpackImages(packed: string | Uint8Array, count: number): Uint8Array[] {
  if (typeof packed === 'string') throw new Error('A packed card entry must be bytes')
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength)
  const images: Uint8Array[] = []
  let at = 0
  while (at < packed.byteLength) {
    if (at + 4 > packed.byteLength) throw new Error('A packed card entry is cut short')
    const length = view.getUint32(at)
    if (at + 4 + length > packed.byteLength) throw new Error('A packed card entry is cut short')
    images.push(packed.subarray(at + 4, at + 4 + length))
    at += 4 + length
  }
  if (images.length !== count) throw new Error(`A packed card entry holds ${images.length} cards, not ${count}`)
  return images
}
