import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { outputWriter, writeIfChanged } from './write-if-changed.ts'

const scratch = mkdtempSync(join(tmpdir(), 'write-if-changed-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

it('writes a new file (its folder too), leaves a file with the same bytes alone, and writes changed bytes', () => {
  const path = join(scratch, 'blog/post/index.html')
  expect(writeIfChanged(path, '<p>one</p>')).toBe(true)
  const past = new Date('2020-01-01T00:00:00Z')
  utimesSync(path, past, past)
  expect(writeIfChanged(path, '<p>one</p>')).toBe(false)
  expect(statSync(path).mtimeMs).toBe(past.getTime())
  expect(writeIfChanged(path, '<p>two</p>')).toBe(true)
  expect(readFileSync(path, 'utf8')).toBe('<p>two</p>')
  expect(writeIfChanged(path, new Uint8Array([1, 2, 3]))).toBe(true)
  expect([...readFileSync(path)]).toEqual([1, 2, 3])
})

it('replaces the last build\'s file where a folder is needed now, and its folder where a file is', () => {
  const asFile = join(scratch, 'about.html')
  writeIfChanged(asFile, 'the old page')
  expect(writeIfChanged(join(asFile, 'index.html'), 'the page, now in a folder')).toBe(true)
  expect(readFileSync(join(asFile, 'index.html'), 'utf8')).toBe('the page, now in a folder')
  expect(writeIfChanged(asFile, 'a file again')).toBe(true)
  expect(readFileSync(asFile, 'utf8')).toBe('a file again')
})

it('a build\'s writer writes into the folders it made without looking, and still leaves the last build\'s same bytes alone', () => {
  const root = join(scratch, 'writer')
  const old = join(root, 'blog/old/index.html')
  writeIfChanged(old, 'kept')
  const past = new Date('2020-01-01T00:00:00Z')
  utimesSync(old, past, past)
  const write = outputWriter()
  expect(write(old, 'kept')).toBe(false)
  expect(statSync(old).mtimeMs).toBe(past.getTime())
  expect(write(join(root, 'blog/new/index.html'), 'a new post')).toBe(true)
  expect(write(join(root, 'blog/new/quote/q-1/index.html'), 'a quote')).toBe(true)
  expect(write(join(root, 'blog/new/quote/q-2/index.html'), 'another')).toBe(true)
  expect(readFileSync(join(root, 'blog/new/quote/q-2/index.html'), 'utf8')).toBe('another')
  // A folder it made, removed behind its back (a test cleaning up between builds), is made again.
  rmSync(join(root, 'blog/new'), { recursive: true })
  expect(write(join(root, 'blog/new/quote/q-3/index.html'), 'again')).toBe(true)
  expect(readFileSync(join(root, 'blog/new/quote/q-3/index.html'), 'utf8')).toBe('again')
})
