import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { drawCards, packImages, postCardJobs, unpackImages, type CardJob } from './post-cards.ts'
import { postFiles } from './post-files.ts'
import { renderCard } from '../emit/cards.ts'
import { memoIn, openBuildCache } from '../build/build-cache.ts'
import type { Passage } from '../post/stored-post.ts'

const scratch = mkdtempSync(join(tmpdir(), 'post-cards-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

const quote: Passage = { id: 'q-listening', kind: 'quote', text: 'Listening is a skill you practise.', sentence: 'Listening is a skill you practise.' }
const highlight: Passage = { id: 'h-trust', kind: 'highlight', text: 'Trust is built in small moments.', sentence: 'Trust is built in small moments.' }

function entries(folder: string): number {
  return readdirSync(join(folder, 'cards'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length
}

describe("a post's cards", () => {
  it("are the post's own card and one per block quote, not per highlight", () => {
    const files = postFiles('peer-notes', [quote, highlight], { page: true, card: true, highlightPages: true })
    expect(postCardJobs({ title: 'Peer notes' }, files, { title: 'Blog' })).toEqual([
      { file: 'cards/peer-notes.png', card: { siteName: 'Blog', title: 'Peer notes' } },
      { file: 'cards/peer-notes/q-listening.png', card: { siteName: 'Blog', title: 'Peer notes', quote: quote.text } },
    ])
  })

  it('leave out the post card of a post with its own image, and every card of a post without a page', () => {
    const withImage = postFiles('peer-notes', [quote], { page: true, card: false, highlightPages: true })
    expect(postCardJobs({ title: 'Peer notes' }, withImage, { title: 'Blog' }).map((job) => job.file)).toEqual(['cards/peer-notes/q-listening.png'])
    const linkOnly = postFiles('elsewhere', [quote], { page: false, card: true, highlightPages: true })
    expect(postCardJobs({ title: 'Elsewhere' }, linkOnly, { title: 'Blog' })).toEqual([])
  })

  it('are written as PNGs at their files, drawn as renderCard draws them', async () => {
    const outDir = join(scratch, 'out')
    const jobs: CardJob[] = postCardJobs({ title: 'Peer notes' }, postFiles('peer-notes', [quote], { page: true, card: true, highlightPages: true }), { title: 'Blog' })
    expect(await drawCards({ outDir }, jobs)).toBe(2)
    for (const job of jobs) {
      const written = readFileSync(join(outDir, job.file))
      expect([...written.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
      expect(Buffer.compare(written, Buffer.from(await renderCard(job.card)))).toBe(0)
    }
  })

  it("are one build cache entry a post, read back as the same cards by the next build", async () => {
    const folder = join(scratch, 'cache')
    const jobs = postCardJobs({ title: 'Peer notes' }, postFiles('peer-notes', [quote], { page: true, card: true, highlightPages: true }), { title: 'Blog' })
    const first = join(scratch, 'first')
    await drawCards({ outDir: first, memo: memoIn(openBuildCache(folder), 'salt') }, jobs)
    expect(entries(folder)).toBe(1)
    const second = join(scratch, 'second')
    await drawCards({ outDir: second, memo: memoIn(openBuildCache(folder), 'salt') }, jobs)
    expect(entries(folder)).toBe(1)
    for (const job of jobs) expect(readFileSync(join(second, job.file))).toEqual(readFileSync(join(first, job.file)))
  })

  it('are drawn again when their cache entry is damaged', async () => {
    const folder = join(scratch, 'damaged')
    const jobs = postCardJobs({ title: 'Peer notes' }, postFiles('peer-notes', [quote], { page: true, card: true, highlightPages: true }), { title: 'Blog' })
    await drawCards({ outDir: join(scratch, 'd1'), memo: memoIn(openBuildCache(folder), 'salt') }, jobs)
    const [entry] = readdirSync(join(folder, 'cards'), { recursive: true, withFileTypes: true }).filter((each) => each.isFile())
    writeFileSync(join(entry!.parentPath, entry!.name), 'not cards')
    const outDir = join(scratch, 'd2')
    await drawCards({ outDir, memo: memoIn(openBuildCache(folder), 'salt') }, jobs)
    for (const job of jobs) expect(Buffer.compare(readFileSync(join(outDir, job.file)), Buffer.from(await renderCard(job.card)))).toBe(0)
  })
})

describe('packed images', () => {
  it('come back as they went in, empty ones too', () => {
    const images = [new Uint8Array([1, 2, 3]), new Uint8Array([]), new Uint8Array([255])]
    expect(unpackImages(packImages(images), 3)).toEqual(images)
  })

  it('are refused when cut short, or when there are not as many as asked', () => {
    const packed = packImages([new Uint8Array([1, 2, 3]), new Uint8Array([4])])
    expect(() => unpackImages(packed.subarray(0, packed.byteLength - 1), 2)).toThrow(/cut short/)
    expect(() => unpackImages(packed, 3)).toThrow(/holds 2 cards, not 3/)
  })
})
