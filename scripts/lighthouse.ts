/**
 * Lighthouse scores (performance, accessibility, best practices, SEO, with Lighthouse's default
 * mobile settings) for the home page and every post of a build, served on 127.0.0.1 and loaded by
 * Debian's Chromium. Run with Node 24 after a build:
 *
 *   npm run lighthouse -- [--dir=dist] [--base=/] [--json] [--min=95]
 *
 * Prints a table (with --json, the results as JSON instead); with --min=N, exits 1 when a score is
 * below N.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { markdownTable } from './bench/report.ts';
import { fileFor } from './build-output.ts';
import { CHROMIUM_ARGS } from './chromium.ts';
import { judgeForFile, missingMessage } from './judges.ts';
import { compressible, contentType } from './static-host.ts';

const CHROMIUM = '/usr/bin/chromium';
/** The four categories, as Lighthouse names them. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

/** One audited page: its URL path, its four scores out of 100, and what it requested. */
export interface PageScores {
  readonly page: string;
  readonly scores: Record<Category, number>;
  /** Audits that cost points, so a low score explains itself. */
  readonly failing: string[];
  /** Every URL the page requested while loading. */
  readonly requests: string[];
  readonly lighthouseVersion: string;
}

/** The pages Lighthouse looks at: the home page, then every post in the build, by slug. */
export function pagesOf(dir: string): string[] {
  const posts = join(dir, 'posts');
  const slugs = existsSync(posts)
    ? readdirSync(posts)
        .filter((s) => existsSync(join(posts, s, 'index.html')))
        .sort()
    : [];
  return ['', ...slugs.map((s) => `posts/${s}/`)];
}

/**
 * Serves a build on 127.0.0.1 the way a production static host does: gzip for text when the
 * browser accepts it (as the benchmark's "first visit" figures assume), 404.html for unknown paths.
 */
async function serveCompressed(dir: string, base: string) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = fileFor(dir, base, path) ?? join(dir, '404.html');
    const status = file.endsWith('404.html') && !path.endsWith('404.html') ? 404 : 200;
    const ext = extname(file);
    let body = readFileSync(file);
    const headers: Record<string, string> = {
      'Content-Type': contentType(ext),
    };
    if (compressible(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      body = gzipSync(body, { level: 6 });
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
    }
    res.writeHead(status, { ...headers, 'Content-Length': String(body.length) }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Serves a build and runs Lighthouse with its default (mobile) settings on each page, one by one. */
export async function audit(
  dir: string,
  base: string,
  pages: readonly string[] = pagesOf(dir),
): Promise<PageScores[]> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(missingMessage(judgeForFile(CHROMIUM)));
  }
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir} has no build: run "npm run build:sites" first`);
  }
  const site = await serveCompressed(dir, base);
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROMIUM_ARGS,
    logLevel: 'silent',
  });
  try {
    const out: PageScores[] = [];
    for (const page of pages) {
      const result = await lighthouse(`${site.url}${page}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned no result for ${base}${page}`);
      if (lhr.runtimeError) {
        throw new Error(`Lighthouse failed on ${base}${page}: ${lhr.runtimeError.message}`);
      }
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
      ) as Record<Category, number>;
      const failing = CATEGORIES.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .flatMap((ref) => {
            const a = lhr.audits[ref.id];
            return a && a.score !== null && a.score < 1
              ? [`${c}: ${a.id} ${a.displayValue ?? ''} (score ${a.score})`]
              : [];
          }),
      );
      const details = lhr.audits['network-requests']?.details;
      const requests =
        details && details.type === 'table'
          ? details.items.map((item) => String(item['url'] ?? ''))
          : [];
      out.push({
        page: `${base}${page}`,
        scores,
        failing,
        requests,
        lighthouseVersion: lhr.lighthouseVersion,
      });
    }
    return out;
  } finally {
    chrome.kill();
    await site.close();
  }
}

/** The scores as a Markdown table, one page a row. */
export function table(rows: readonly PageScores[]): string {
  return markdownTable(
    ['page', 'performance', 'accessibility', 'best practices', 'SEO'],
    rows.map((r) => [r.page, ...CATEGORIES.map((c) => String(r.scores[c]))]),
  );
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const opt = (name: string) =>
    args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const dir = resolve(opt('dir') ?? 'dist');
  const base = opt('base') ?? '/';
  const min = opt('min') === undefined ? undefined : Number(opt('min'));
  const rows = await audit(dir, base);
  if (args.includes('--json')) console.log(JSON.stringify(rows, null, 2));
  else {
    console.log(
      `Lighthouse ${rows[0]?.lighthouseVersion ?? '?'}, mobile (default) settings, ${CHROMIUM}, gzip on 127.0.0.1\n`,
    );
    console.log(table(rows));
    for (const r of rows) for (const f of r.failing) console.log(`  ${r.page}  ${f}`);
  }
  if (min !== undefined && rows.some((r) => CATEGORIES.some((c) => r.scores[c] < min))) {
    console.error(`a score is below ${min}`);
    process.exitCode = 1;
  }
}
