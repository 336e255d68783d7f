import { describe, expect, it } from 'vitest'
import { parsePostDate } from './post-date.ts'

describe('parsePostDate', () => {
  it.each([
    ['2021-10-30', '2021-10-30', '2021-10-30T00:00:00.000Z'],
    ['2021-10-6', '2021-10-06', '2021-10-06T00:00:00.000Z'],
    ['2021-10-30 10:20', '2021-10-30', '2021-10-30T10:20:00.000Z'],
    ['2021-10-30 23:30:00 -0500', '2021-10-30', '2021-10-31T04:30:00.000Z'],
    ['2021-10-30T10:20:30+01:00', '2021-10-30', '2021-10-30T09:20:30.000Z'],
    ['2021-10-30T10:20:30.123Z', '2021-10-30', '2021-10-30T10:20:30.000Z'],
    ['30 Oct 2021', '2021-10-30', '2021-10-30T00:00:00.000Z'],
    ['1 September 2019 08:15', '2019-09-01', '2019-09-01T08:15:00.000Z'],
    ['Oct 30, 2021', '2021-10-30', '2021-10-30T00:00:00.000Z'],
    ['March 3rd 2020', '2020-03-03', '2020-03-03T00:00:00.000Z'],
  ])('%s', (input, date, instant) => {
    const parsed = parsePostDate(input)
    expect(parsed?.date).toBe(date)
    expect(new Date(parsed!.timestamp).toISOString()).toBe(instant)
  })

  it.each(['yesterday', '2021-02-30', '2021-13-01', '30 Octember 2021', '2021/10/30 maybe', '', '10:20'])(
    'rejects %j',
    (input) => {
      expect(parsePostDate(input)).toBeNull()
    },
  )
})
