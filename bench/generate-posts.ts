/**
 * Synthetic Jekyll posts for the benchmark: seeded and deterministic, in the portfolYOU format, with
 * front matter (1-4 tags from a pool of 40), and 600-1,500 word bodies with headings, lists, block
 * quotes, highlight includes, a code block and a table. One post in a hundred (post-7, post-107, ...)
 * has a word found nowhere else, only in its body (`zebra7`), for the benchmark to search for; it is
 * added without drawing from the generator, so every other word is as before.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { seededRandom } from './stats.ts'

const WORDS = (
  'team peers growth leadership influence feedback hiring outcome impact manager engineer trust goal plan ' +
  'review roadmap delivery quality process culture meeting priority decision context ownership mentor ' +
  'coach career promotion scope clarity alignment strategy risk incident release platform service user ' +
  'customer metric signal learning practice habit conversation question answer problem solution change'
).split(' ')
const TAGS = Array.from({ length: 40 }, (_, index) => ['Leadership', 'Growth', 'Influence', 'Hiring', 'Feedback', 'Engineering', 'Career', 'Culture'][index % 8] + (index < 8 ? '' : ` ${Math.floor(index / 8)}`))
/** The body-only word of post `index`, or undefined if that post has none. */
export function bodyOnlyWord(index: number): string | undefined {
  return index % 100 === 7 ? `zebra${index}` : undefined
}
const COLORS = ['primary', 'secondary', 'success', 'danger', 'warning', 'info', 'light', 'dark']

/** The same posts on every run and machine. */
const random = seededRandom

export function generatePosts(folder: string, count: number, seed = 42): void {
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })
  const next = random(seed)
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ')
  const sentence = () => {
    const text = words(8 + Math.floor(next() * 12))
    return text.charAt(0).toUpperCase() + text.slice(1) + '.'
  }
  const paragraph = () => Array.from({ length: 4 + Math.floor(next() * 4) }, sentence).join(' ')
  const start = Date.UTC(2015, 0, 1)
  for (let index = 0; index < count; index += 1) {
    const date = new Date(start + Math.floor(next() * 3650) * 86_400_000).toISOString().slice(0, 10)
    const title = `${sentence().slice(0, -1)} ${index}`
    const slug = `post-${index}`
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(TAGS)))]
    const target = 600 + Math.floor(next() * 900)
    const blocks: string[] = []
    let total = 0
    let section = 0
    while (total < target) {
      if (total === 0 || next() < 0.15) blocks.push(`## ${sentence().slice(0, -1)} ${++section}`)
      const text = paragraph()
      blocks.push(next() < 0.3 ? `${text} {% include elements/highlight.html text="${words(4)}" %} ${sentence()}` : text)
      total += text.split(' ').length
      if (next() < 0.12) blocks.push(`> ${sentence()}`)
      if (next() < 0.1) blocks.push(['- ' + sentence(), '- ' + sentence(), '- ' + sentence()].join('\n'))
    }
    const rare = bodyOnlyWord(index)
    if (rare) blocks[1] += ` A ${rare} crossed the road.`
    blocks.splice(2, 0, '```js\nfunction ship(change) {\n  return review(change).then(deploy)\n}\n```')
    blocks.splice(4, 0, '| Practice | Why |\n| --- | --- |\n| 1:1s | trust |\n| Reviews | quality |')
    const front = [
      '---',
      `title: "${title}"`,
      `tags: [${tags.join(', ')}]`,
      `style: ${next() < 0.5 ? 'fill' : 'border'}`,
      `color: ${pick(COLORS)}`,
      `description: ${sentence()}`,
      '---',
    ].join('\n')
    writeFileSync(join(folder, `${date}-${slug}.md`), `${front}\n${blocks.join('\n\n')}\n`)
  }
}
