/**
 * The case-insensitive key of a tag, as it appears in URLs: `External Post` -> `external-post`,
 * `C++` -> `c++`. Letters of every script are kept, so non-English tags have readable keys.
 */
export function tagKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#.]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}
