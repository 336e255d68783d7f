/**
 * The case-insensitive key of a tag, as it appears in URLs: `External Post` -> `external-post`,
 * `C++` -> `c++`. Letters of every script are kept, so non-English tags have readable keys, and so are
 * emoji (with their joiners and variation selectors): a tag `🚀` would otherwise have no key at all.
 */
export function tagKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f+#.]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}
