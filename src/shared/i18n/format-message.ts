/**
 * Puts values into a catalog text: `fill('Part {part} of {total}', {part: 2, total: 5})`. Numbers are
 * formatted for the language. `count` picks a `Plural`'s form for a number by the language's rules.
 */
import type { Plural } from './plural.ts'

export interface MessageFormatter {
  fill: (template: string, values: Record<string, string | number>) => string
  count: (forms: Plural, n: number) => string
  number: (n: number) => string
}

export function messageFormatter(lang: string): MessageFormatter {
  const numbers = new Intl.NumberFormat(lang)
  const plurals = new Intl.PluralRules(lang)
  const number = (n: number) => numbers.format(n)
  const fill = (template: string, values: Record<string, string | number>) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name]
      return value === undefined ? whole : typeof value === 'number' ? number(value) : value
    })
  // Exact `zero`, `one` and `two` texts (`لا توجد مقالات`) are used only when the rules choose them.
  const count = (forms: Plural, n: number) => fill(forms[plurals.select(n)] ?? forms.other, { n })
  return { fill, count, number }
}
