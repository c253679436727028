import { dateTime } from './dates.ts';
import { escapeHtml } from './html.ts';

/** One URL of a sitemap. */
export interface SitemapEntry {
  /** Absolute URL of the page. */
  readonly loc: string;
  /** Last modification, if known. */
  readonly lastmod?: Date | undefined;
}

/** Renders a sitemaps.org urlset; entries keep their given order so output is reproducible. */
export function renderSitemap(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const lastmod = e.lastmod ? `<lastmod>${dateTime(e.lastmod)}</lastmod>` : '';
    return `  <url><loc>${escapeHtml(e.loc)}</loc>${lastmod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
