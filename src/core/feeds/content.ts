import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { feedSafeTree } from '../markup/policy.ts';

/** Elements that only work in the browser; a feed reader shows them as junk or not at all. */
const DROP = new Set([
  'script',
  'style',
  'template',
  'link',
  'meta',
  'noscript',
  'form',
  'input',
  'select',
  'textarea',
  'button',
  'label',
  'dialog',
  // Readers drop or mangle inline SVG (no CSS: black shapes); a chart goes in as an image instead.
  'svg',
]);
/** Attributes that point at a resource and must be absolute in a feed. */
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite', 'action', 'data'];

/** Options for turning page HTML into feed HTML. */
export interface FeedHtmlOptions {
  /** Absolute URL of the post: relative links and fragments resolve against it. */
  readonly pageUrl: string;
}

function absolutise(value: string, pageUrl: string): string {
  const trimmed = value.trim();
  if (/^(mailto|tel|data):/i.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed, pageUrl).href;
  } catch {
    return trimmed;
  }
}

function absolutiseSrcset(value: string, pageUrl: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
      return [absolutise(url, pageUrl), ...descriptor].join(' ');
    })
    .join(', ');
}

function liveLink(widget: Element, pageUrl: string): Element {
  const id = String(widget.properties['id'] ?? '');
  const name = String(widget.properties['dataWidget'] ?? 'interactive version');
  const url = id ? `${pageUrl}#${encodeURIComponent(id)}` : pageUrl;
  return {
    type: 'element',
    tagName: 'p',
    properties: {},
    children: [
      { type: 'text', value: 'This is the default result. ' },
      {
        type: 'element',
        tagName: 'a',
        properties: { href: url },
        children: [{ type: 'text', value: `Try the live ${name} on the blog` }],
      },
      { type: 'text', value: '.' },
    ],
  };
}

/**
 * The image that stands in for a live chart in a feed: the element names it in `data-feed-image`
 * (its URL), `data-feed-alt` (what it shows, in figures) and `data-feed-width`/`-height`.
 */
function feedImage(el: Element, pageUrl: string): Element {
  const { dataFeedImage, dataFeedAlt, dataFeedWidth, dataFeedHeight } = el.properties;
  const width = pixels(dataFeedWidth);
  const height = pixels(dataFeedHeight);
  return {
    type: 'element',
    tagName: 'img',
    properties: {
      src: absolutise(String(dataFeedImage), pageUrl),
      alt: String(dataFeedAlt ?? ''),
      ...(width === undefined ? {} : { width }),
      ...(height === undefined ? {} : { height }),
    },
    children: [],
  };
}

/** A positive whole number of pixels from an attribute value, or undefined. */
function pixels(value: unknown): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function transformChildren(children: RootContent[], pageUrl: string): RootContent[] {
  const out: RootContent[] = [];
  for (const node of children) {
    if (node.type === 'comment' || node.type === 'doctype') continue;
    if (node.type !== 'element') {
      out.push(node);
      continue;
    }
    const el = node;
    const props = el.properties;
    if (typeof props['dataFeedImage'] === 'string') {
      out.push(feedImage(el, pageUrl));
      continue;
    }
    if (DROP.has(el.tagName)) continue;
    if ('dataFeedOmit' in props) continue;
    // The "#" permalinks beside headings mean nothing out of the page.
    if (
      el.tagName === 'a' &&
      Array.isArray(props['className']) &&
      props['className'].includes('heading-anchor')
    )
      continue;
    el.children = transformChildren(el.children as RootContent[], pageUrl) as ElementContent[];
    // Custom elements (the widgets' live wrappers) are unknown to readers: keep what they hold.
    if (el.tagName.includes('-')) {
      out.push(...(el.children as RootContent[]));
      continue;
    }
    for (const key of Object.keys(props)) {
      if (
        /^(data[A-Z]|aria|on)/.test(key) ||
        key === 'style' ||
        key === 'tabIndex' ||
        key === 'hidden'
      ) {
        if (key !== 'dataWidget') delete props[key];
      }
    }
    for (const key of URL_ATTRIBUTES) {
      const v = props[key];
      if (typeof v === 'string') props[key] = absolutise(v, pageUrl);
    }
    const srcset = props['srcSet'];
    if (Array.isArray(srcset)) props['srcSet'] = absolutiseSrcset(srcset.join(', '), pageUrl);
    else if (typeof srcset === 'string') props['srcSet'] = absolutiseSrcset(srcset, pageUrl);
    if ('dataWidget' in props) {
      el.children.unshift(liveLink(el, pageUrl));
      delete props['dataWidget'];
    }
    out.push(el);
  }
  return out;
}

/**
 * Makes a post's rendered HTML safe and complete for feed readers: no script, style or form controls,
 * every URL absolute (Planet KDE fixes only root-relative ones), a link to the live page beside
 * each interactive widget's static result, charts as images, and no `data-feed-omit` element
 * (sentences that only make sense on the live page). Last, the feed policy (`FEED_SCHEMA`) drops
 * whatever a reader without a CSP should not get: javascript:/data: URLs, frames, remote images.
 */
export function toFeedHtml(html: string, options: FeedHtmlOptions): string {
  const tree: Root = fromHtml(html, { fragment: true });
  tree.children = transformChildren(tree.children, options.pageUrl);
  // Readers run no CSP: only the feed policy's elements, attributes, schemes and own images pass.
  const safe = feedSafeTree(tree, new URL(options.pageUrl).origin);
  return toHtml(safe, { allowDangerousHtml: false }).trim();
}
