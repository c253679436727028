// The search page's results as HTML, from the hits results.ts makes: what site-search.ts puts in
// the list (through morph), every piece of indexed text escaped.
import { attributes, escapeHtml } from '../html.ts';
import type { Hit, Segment } from './results.ts';

/** What the status line says when Pagefind cannot load (no index: `npm run dev`, or a failure). */
export const SEARCH_UNAVAILABLE =
  'Search is unavailable: its index is made by “npm run build”, so it works on the built site, not in “npm run dev”.';

/** Excerpt text with its matched words in `<mark>`. */
function segmentsHtml(segments: readonly Segment[]): string {
  return segments
    .map((s) => (s.mark ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text)))
    .join('');
}

/** A link to a result or one of its sections. */
function linkHtml(url: string, label: string): string {
  return `<a${attributes({ href: url })}>${escapeHtml(label)}</a>`;
}

/** One result: the post's title, then its excerpt or the sections where the words occur. */
export function hitHtml(hit: Hit): string {
  const heading = `<h2>${linkHtml(hit.url, hit.title)}</h2>`;
  if (hit.sections.length === 0) return `<li>${heading}<p>${segmentsHtml(hit.excerpt)}</p></li>`;
  const sections = hit.sections
    .map((s) => `<li>${linkHtml(s.url, s.title)}<p>${segmentsHtml(s.excerpt)}</p></li>`)
    .join('');
  return `<li>${heading}<ul${attributes({ 'aria-label': `Sections of “${hit.title}”` })}>${sections}</ul></li>`;
}

/** The items of the results list. */
export function hitsHtml(hits: readonly Hit[]): string {
  return hits.map(hitHtml).join('');
}
