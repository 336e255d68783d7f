/**
 * The allow-list every post body passes through (rehype-sanitize), after raw HTML is parsed.
 * GitHub's schema, plus what Jekyll posts and the theme's elements need. Never allowed: scripts,
 * `on*` handlers, `style`, forms, `javascript:`/`data:` URLs (only the protocols below pass).
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize'

type AttributeDefinitions = NonNullable<Schema['attributes']>

/**
 * GitHub's schema limits `className` per element to the classes its own markdown makes; kramdown's
 * `{:.class}` needs any class, so those limits go and `className` is allowed everywhere instead.
 */
const base: AttributeDefinitions = Object.fromEntries(
  Object.entries(defaultSchema.attributes ?? {}).map(([tag, definitions]) => [
    tag,
    definitions.filter(
      (definition) =>
        !(Array.isArray(definition) && definition[0] === 'className') &&
        // `name` clobbers `document.*` lookups (`<img name="getElementById">`); posts do not need it.
        definition !== 'name',
    ),
  ]),
)

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // Keep author ids as written (kramdown `{:#id}`, `<a id>`), so old `#anchor` links keep working.
  // `name` stays disallowed: it is the attribute that clobbers `document.*` lookups.
  clobber: [],
  clobberPrefix: '',
  // Their text is code, not content: dropped with the element, never shown.
  strip: ['script', 'style'],
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'mark', 'figure', 'figcaption', 'iframe', 'u', 'abbr', 'cite', 'small', 'caption', 'colgroup', 'col',
    'center', 'aside', 'nav', 'video', 'audio', 'source', 'track',
  ],
  attributes: {
    ...base,
    '*': [...(base['*'] ?? []), 'className', 'id', 'title', 'align', 'width', 'height', 'lang', 'dir', 'dataElement'],
    // The theme elements' settings (see src/content/liquid/theme/); components validate them again.
    // `name` only until rehype-named-anchors turns it into an id: it is never in the page.
    a: [...(base.a ?? []), 'name', 'target', 'rel', 'dataButtonStyle', 'dataButtonSize', 'dataButtonBlock', 'dataTocItem'],
    div: [...(base.div ?? []), 'dataVideoId', 'dataVideoList'],
    nav: ['ariaLabel', 'dataToc'],
    img: [...(base.img ?? []), 'loading', 'decoding', 'srcSet', 'sizes'],
    iframe: ['src', 'title', 'allow', 'allowFullScreen', 'loading', 'referrerPolicy'],
    video: ['src', 'poster', 'controls', 'loop', 'muted', 'playsInline', 'preload'],
    audio: ['src', 'controls', 'loop', 'muted', 'preload'],
    source: [...(base.source ?? []), 'src', 'type', 'media'],
    track: ['src', 'kind', 'srcLang', 'label', 'default'],
    col: ['span'],
    colgroup: ['span'],
    ol: [...(base.ol ?? []), 'start', 'reversed', 'type'],
    td: ['colSpan', 'rowSpan'],
    th: ['colSpan', 'rowSpan', 'scope'],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    poster: ['http', 'https'],
    cite: ['http', 'https'],
  },
}
