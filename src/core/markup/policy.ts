/**
 * The markup policy, in one place: what HTML a post's author may write, and the stricter set that
 * reaches feed readers (which run no CSP). Both are hast-util-sanitize schemas, the allow-list
 * sanitiser the fediverse replies use too; the post schema decides what fails the build
 * (`post-body.ts`), the feed schema cleans every feed item (`feeds/content.ts`).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { defaultSchema, type Schema, sanitize } from 'hast-util-sanitize';

/** Attributes whose value is a URL, as hast names them. */
export const URL_PROPERTIES = [
  'href',
  'src',
  'srcSet',
  'cite',
  'longDesc',
  'poster',
  'action',
  'formAction',
  'data',
  'background',
  'ping',
  'manifest',
  'xLinkHref',
] as const;

/** Schemes a post may link to; a relative URL or a fragment is always fine. */
export const POST_LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;
/** Schemes of what a post may load (images, video, frames): the web only, never data: or javascript:. */
export const POST_SOURCE_SCHEMES = ['http', 'https'] as const;

/** Elements that may load another page or plug-in: only from the site itself in a post. */
export const SAME_ORIGIN_ONLY = new Map([
  ['iframe', 'src'],
  ['object', 'data'],
  ['embed', 'src'],
]);

/** Why the commonest refused elements are refused, for the build's message. */
export const REFUSED_BECAUSE = new Map([
  [
    'meta',
    'it can redirect every reader to another site (http-equiv="refresh") or change the page head',
  ],
  ['base', 'it changes where every relative link of the page goes'],
  ['link', 'it loads style sheets or other resources into the page head'],
  ['style', 'a style block restyles the whole page (write the CSS in src/styles/ instead)'],
  ['script', 'scripts belong in components (src/components/), which the CSP allows'],
  ['form', 'a form sends what readers type to wherever its action says'],
  ['button', 'controls belong in components (src/components/)'],
  ['input', 'controls belong in components (src/components/)'],
  ['select', 'controls belong in components (src/components/)'],
  ['textarea', 'controls belong in components (src/components/)'],
  ['template', 'its content never shows'],
  [
    'svg',
    'inline SVG can carry scripts: put it in a file beside the post and use ![alt](./images/x.svg)',
  ],
]);

const withAttrs = (
  base: Schema['attributes'],
  extra: Record<string, NonNullable<Schema['attributes']>[string]>,
): NonNullable<Schema['attributes']> => {
  const out: NonNullable<Schema['attributes']> = { ...base };
  for (const [tag, list] of Object.entries(extra)) out[tag] = [...(out[tag] ?? []), ...list];
  return out;
};

// The default schema's "*" list carries form attributes (action, method…) meant for GitHub's own forms.
const FORM_ATTRIBUTES = new Set(['accept', 'acceptCharset', 'action', 'encType', 'method']);
const COMMON = (defaultSchema.attributes?.['*'] ?? []).filter(
  (a) => typeof a !== 'string' || !FORM_ATTRIBUTES.has(a),
);
const { '*': _all, ...DEFAULT_PER_TAG } = defaultSchema.attributes ?? {};

/** Every scheme list, once per URL attribute (the sanitiser checks only the ones it is told). */
function protocols(links: readonly string[], sources: readonly string[]): Schema['protocols'] {
  const out: Record<string, string[]> = {};
  for (const p of URL_PROPERTIES) out[p] = [...(p === 'href' ? links : sources)];
  return out;
}

/** What an author's post may carry: GitHub's Markdown HTML plus media, figures and same-site frames. */
export const POST_SCHEMA: Schema = {
  ...defaultSchema,
  // The author's ids and names are the page's: heading ids are made unique separately.
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style'],
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    ...['abbr', 'aside', 'audio', 'caption', 'cite', 'col', 'colgroup', 'dfn', 'embed'],
    ...['figcaption', 'figure', 'iframe', 'mark', 'object', 'output', 'small', 'time'],
    ...['u', 'var', 'video', 'wbr'],
  ],
  attributes: withAttrs(
    { ...DEFAULT_PER_TAG, '*': COMMON },
    {
      '*': ['className', 'style', 'role', 'ariaLabel', 'ariaHidden', 'ariaDescribedBy', 'data*'],
      a: ['rel', 'target', 'download', 'type'],
      img: ['loading', 'decoding', 'srcSet', 'sizes', 'alt', 'width', 'height'],
      iframe: ['src', 'loading', 'allow', 'allowFullScreen', 'referrerPolicy', 'sandbox'],
      video: ['src', 'poster', 'controls', 'loop', 'muted', 'playsInline', 'preload', 'autoPlay'],
      audio: ['src', 'controls', 'loop', 'muted', 'preload'],
      source: ['src', 'type', 'media', 'sizes'],
      object: ['data', 'type'],
      embed: ['src', 'type'],
      time: ['dateTime'],
      output: ['htmlFor'],
    },
  ),
  protocols: protocols(POST_LINK_SCHEMES, POST_SOURCE_SCHEMES),
};

/** What reaches a feed reader: plain text markup, links to the web or mail, the site's own images. */
export const FEED_SCHEMA: Schema = {
  ...defaultSchema,
  clobber: [],
  clobberPrefix: '',
  // Removed with what they hold: a frame's or a media element's fallback is not the post's text.
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'video', 'audio', 'template', 'svg'],
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((t) => t !== 'input'),
    ...['abbr', 'caption', 'cite', 'col', 'colgroup', 'dfn', 'figcaption', 'figure', 'mark'],
    ...['output', 'small', 'time', 'u', 'var', 'wbr'],
  ],
  attributes: withAttrs(
    { ...DEFAULT_PER_TAG, '*': COMMON },
    { img: ['alt', 'width', 'height', 'srcSet', 'sizes'], a: ['rel'], time: ['dateTime'] },
  ),
  required: {},
  protocols: protocols(['http', 'https', 'mailto'], ['http', 'https']),
};

/** Names that refer to elements, attributes and schemes, for "what is allowed" in messages. */
export function allowedSummary(schema: Schema = POST_SCHEMA): string {
  const tags = [...new Set(schema.tagNames ?? [])].sort().join(', ');
  return `elements ${tags}; links to ${POST_LINK_SCHEMES.join(', ')} or relative URLs; images and media from ${POST_SOURCE_SCHEMES.join(', ')} or relative URLs; iframe, object and embed from this site only; no event attributes (on…)`;
}

/** Whether a URL leaves the site: it has a scheme or starts with "//". */
export function isOtherOrigin(url: string): boolean {
  return /^\s*([a-z][a-z0-9+.-]*:|\/\/|\\\\)/i.test(url);
}

/**
 * A feed item's tree as readers get it: sanitised with `FEED_SCHEMA`, then every image that is not
 * the site's own (a tracker pixel, a remote picture) or has no usable source replaced by its alt
 * text, and no `class=""` left where the schema refused every class.
 */
export function feedSafeTree(tree: Root, siteOrigin: string): Root {
  const clean = sanitize(tree, FEED_SCHEMA) as Root;
  const walk = (children: RootContent[]): RootContent[] =>
    children.flatMap((node): RootContent[] => {
      if (node.type !== 'element') return [node];
      const el: Element = node;
      const classes = el.properties['className'];
      if (Array.isArray(classes) && classes.length === 0) delete el.properties['className'];
      if (el.tagName === 'img' || el.tagName === 'source') {
        const src = el.properties['src'];
        const own = typeof src === 'string' && originOf(src) === siteOrigin;
        if (el.tagName === 'img' && own) {
          const srcSet = el.properties['srcSet'];
          const set = Array.isArray(srcSet)
            ? srcSet.map(String)
            : typeof srcSet === 'string'
              ? srcSet.split(',')
              : [];
          if (set.some((c) => originOf(c.trim().split(/\s+/)[0] ?? '') !== siteOrigin)) {
            delete el.properties['srcSet'];
          }
          return [el];
        }
        const alt = el.properties['alt'];
        return typeof alt === 'string' && alt.trim() !== '' ? [{ type: 'text', value: alt }] : [];
      }
      el.children = walk(el.children as RootContent[]) as ElementContent[];
      return [el];
    });
  clean.children = walk(clean.children);
  return clean;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
