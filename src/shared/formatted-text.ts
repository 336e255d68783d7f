/**
 * Text with the inline formatting an author wrote as HTML in front matter (`description: The <strong>first</strong>
 * morning`), kept small for the list data: plain text stays a string; formatted text is a list of runs,
 * each a string or an element as an array (`['strong', 'first']`, `['a', '/about/', 'about']`). Only these
 * four elements exist, and a link's address is one the build checked (http(s) or a path of the site).
 */
export type FormattedText = string | FormattedRun[]
export type FormattedRun = string | FormattedElement
export type FormattedElement = ['strong' | 'em' | 'code', ...FormattedRun[]] | ['a', string, ...FormattedRun[]]

/** The text alone, as meta tags, feeds and search read it. */
export function plainFormatted(text: FormattedText): string {
  return typeof text === 'string' ? text : text.map(plainRun).join('')
}

function plainRun(run: FormattedRun): string {
  if (typeof run === 'string') return run
  return (run[0] === 'a' ? run.slice(2) : run.slice(1)).map((child) => plainRun(child as FormattedRun)).join('')
}
