import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import {
  BUILDS,
  elements,
  htmlPages,
  listFiles,
  parseHtml,
  ROOT,
  requireBuild,
} from '../support/site.ts';

/** The load-average widgets' custom elements, as their scripts define them. */
const LOADAVG_TAGS = readdirSync(join(ROOT, 'src/components/loadavg'))
  .filter((f) => f.endsWith('.ts'))
  .flatMap((f) => [
    ...readFileSync(join(ROOT, 'src/components/loadavg', f), 'utf8').matchAll(
      /customElements\.define\('([a-z-]+)'/g,
    ),
  ])
  .map((m) => m[1] ?? '');

/** Text as it sits in the markup, without what is never read as prose (SVG, scripts, lists). */
function prose(node: Root | Element): string {
  return node.children
    .map((c) => {
      if (c.type === 'text') return c.value;
      if (c.type !== 'element' || ['svg', 'script', 'style', 'datalist'].includes(c.tagName))
        return '';
      return prose(c);
    })
    .join('');
}

/** The XML-escaped HTML of feed items back to markup. */
const unescapeXml = (xml: string): string =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe.each(BUILDS)('widget text and feed items of the $name build', ({ dir }) => {
  requireBuild(dir);

  it('finds the load-average widgets it checks', () => {
    expect(LOADAVG_TAGS.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the space between inline elements in every load-average widget', () => {
    const checked: string[] = [];
    for (const page of htmlPages(dir).filter((p) => p.startsWith('posts/'))) {
      const widgets = elements(parseHtml(join(dir, page))).filter((e) =>
        LOADAVG_TAGS.includes(e.tagName),
      );
      for (const w of widgets) {
        const text = prose(w).replace(/\s+/g, ' ');
        // "A,B" or "word(" is what a lost space between two inline elements looks like.
        expect(text, `${page} <${w.tagName}>`).not.toMatch(/[,;][A-Za-z]|[a-z]\(/);
        checked.push(w.tagName);
      }
    }
    expect(new Set(checked)).toEqual(new Set(LOADAVG_TAGS));
  });

  it('no feed item carries inline SVG', () => {
    const feeds = listFiles(dir).filter((f) => /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(f));
    expect(feeds.length).toBeGreaterThan(3);
    for (const file of feeds) {
      const raw = readFileSync(join(dir, file), 'utf8');
      const items = file.endsWith('.json')
        ? (JSON.parse(raw) as { items: { content_html: string }[] }).items.map(
            (i) => i.content_html,
          )
        : [unescapeXml(raw)];
      for (const html of items) expect(html, file).not.toMatch(/<svg\b/i);
    }
  });
});
