/**
 * A phrase with a number in it, one text per plural category of the language (`Intl.PluralRules`):
 * English needs `one` and `other`, Arabic `zero`, `one`, `two`, `few`, `many` and `other`, Japanese only
 * `other`. `{n}` is replaced by the number, formatted for the language.
 */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }
