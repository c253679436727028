/**
 * What each built page makes a browser download on a first visit, found statically from the files
 * (so the figures are exact and the same on every machine): the HTML, the stylesheets it links and
 * what they import, the module scripts and their static imports, the fonts and images the page
 * and its stylesheets reference. Text is measured raw and gzipped (zlib level 6, what static hosts
 * commonly serve); fonts and raster images are already compressed and count as they are.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { elements, fileFor, htmlPages, parseHtml, urlPathOf } from '../build-output.ts';

/** Bytes on disk and bytes on the wire. */
export interface Size {
  readonly raw: number;
  readonly gzip: number;
}

/** The kinds of download the budgets talk about. */
export type Kind = 'html' | 'css' | 'js' | 'fonts' | 'images';

/** A page and everything a first visit to it downloads. */
export interface PageWeight {
  /** The page file, relative to the build folder. */
  readonly page: string;
  readonly sizes: Record<Kind, Size>;
  /** The sum of everything, as transferred. */
  readonly total: Size;
  /** Every file downloaded, as paths relative to the build folder, with its kind. */
  readonly files: readonly { file: string; kind: Kind; size: Size }[];
  /** `<script type="module">` elements: one per distinct interactive component script. */
  readonly moduleScripts: number;
  /** Scripts written into the HTML itself (JSON data blocks excluded). */
  readonly inlineScripts: number;
  /** Custom elements (tag names with a hyphen) on the page: the interactive components. */
  readonly customElements: readonly string[];
  /** URLs on another origin the page or its assets would request. */
  readonly foreign: readonly string[];
}

const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.svg', '.json', '.xml', '.txt']);
const FONT = new Set(['.woff2', '.woff', '.ttf', '.otf', '.eot']);
/** `rel` values that make the browser fetch something (unlike canonical, alternate, …). */
const FETCHING_RELS = new Set([
  'stylesheet',
  'icon',
  'apple-touch-icon',
  'mask-icon',
  'manifest',
  'preload',
  'modulepreload',
  'prefetch',
  'preconnect',
  'dns-prefetch',
]);
const DATA_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json', 'importmap']);

const sizeCache = new Map<string, Size>();

/** Raw and transferred size of one file. */
export function sizeOf(file: string): Size {
  let s = sizeCache.get(file);
  if (!s) {
    const bytes = readFileSync(file);
    s = {
      raw: bytes.length,
      gzip: COMPRESSIBLE.has(extname(file)) ? gzipSync(bytes, { level: 6 }).length : bytes.length,
    };
    sizeCache.set(file, s);
  }
  return s;
}

/** Raw and gzipped size of a string (a page's text, say). */
export function sizeOfText(text: string): Size {
  const bytes = Buffer.from(text, 'utf8');
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
}

function kindOf(file: string, hint: Kind): Kind {
  const ext = extname(file);
  if (FONT.has(ext)) return 'fonts';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.html') return 'html';
  return hint;
}

/** `url(...)` and `@import` targets in a stylesheet. */
export function cssUrls(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) if (m[2]) out.push(m[2]);
  for (const m of css.matchAll(/@import\s+(['"])([^'"]+)\1/g)) if (m[2]) out.push(m[2]);
  return out;
}

/** Static import specifiers of an ES module (`import … from "x"`, `import "x"`, `export … from "x"`). */
export function jsImports(js: string): string[] {
  return [...js.matchAll(/\b(?:from|import)\s*(['"])([^'"\n]+)\1/g)].flatMap((m) =>
    m[2] ? [m[2]] : [],
  );
}

/** Measures one page of a build made for `origin` under `base`. */
export function pageWeight(dir: string, base: string, page: string, origin: string): PageWeight {
  const pageUrl = new URL(urlPathOf(page, base), origin);
  const files = new Map<string, Kind>();
  const foreign: string[] = [];
  let moduleScripts = 0;
  let inlineScripts = 0;
  const tags = new Set<string>();

  const visit = (ref: string, from: URL, hint: Kind): void => {
    if (ref.startsWith('data:') || ref.startsWith('#')) return;
    const url = new URL(ref, from);
    if (url.origin !== origin) {
      foreign.push(url.href);
      return;
    }
    const file = fileFor(dir, base, url.pathname);
    if (!file) throw new Error(`${page}: ${ref} is not in the build`);
    if (files.has(file)) return;
    const kind = kindOf(file, hint);
    files.set(file, kind);
    if (kind === 'css')
      for (const u of cssUrls(readFileSync(file, 'utf8'))) visit(u, url, 'images');
    if (kind === 'js') {
      for (const spec of jsImports(readFileSync(file, 'utf8'))) {
        // Bare specifiers cannot load in a browser without an import map; relative and absolute URLs do.
        if (/^(\.{0,2}\/|[a-z]+:)/i.test(spec)) visit(spec, url, 'js');
      }
    }
  };

  const htmlFile = fileFor(dir, base, pageUrl.pathname) ?? `${dir}/${page}`;
  files.set(htmlFile, 'html');
  for (const el of elements(parseHtml(htmlFile))) {
    const p = el.properties;
    if (el.tagName.includes('-')) tags.add(el.tagName);
    const str = (k: string): string | undefined => (typeof p[k] === 'string' ? p[k] : undefined);
    switch (el.tagName) {
      case 'link': {
        const rels = (Array.isArray(p['rel']) ? p['rel'] : []).map((r) => String(r).toLowerCase());
        const h = str('href');
        if (!h || !rels.some((r) => FETCHING_RELS.has(r))) break;
        if (rels.includes('preconnect') || rels.includes('dns-prefetch')) {
          const u = new URL(h, pageUrl);
          if (u.origin !== origin) foreign.push(u.href);
          break;
        }
        const as = str('as');
        const hint: Kind = rels.includes('stylesheet')
          ? 'css'
          : rels.includes('modulepreload') || as === 'script'
            ? 'js'
            : as === 'font'
              ? 'fonts'
              : 'images';
        visit(h, pageUrl, hint);
        break;
      }
      case 'script': {
        const type = str('type') ?? '';
        if (DATA_SCRIPT_TYPES.has(type)) break;
        if (type === 'module') moduleScripts++;
        const src = str('src');
        if (src) visit(src, pageUrl, 'js');
        else {
          inlineScripts++;
          const text = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
          for (const spec of jsImports(text))
            if (/^(\.{0,2}\/|[a-z]+:)/i.test(spec)) visit(spec, pageUrl, 'js');
        }
        break;
      }
      case 'style': {
        const text = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
        for (const u of cssUrls(text)) visit(u, pageUrl, 'images');
        break;
      }
      case 'img':
      case 'source':
      case 'video':
      case 'audio':
      case 'iframe':
      case 'embed':
      case 'track':
      case 'input': {
        if (el.tagName === 'input' && str('type') !== 'image') break;
        for (const k of ['src', 'poster']) {
          const v = str(k);
          if (v) visit(v, pageUrl, 'images');
        }
        const srcset = p['srcSet'];
        const candidates = Array.isArray(srcset) ? srcset.map(String) : [];
        // A browser fetches one candidate of a srcset; the first stands for it.
        const first = candidates[0]?.trim().split(/\s+/)[0];
        if (first && !str('src')) visit(first, pageUrl, 'images');
        for (const c of candidates) {
          const u = new URL(c.trim().split(/\s+/)[0] ?? '', pageUrl);
          if (u.origin !== origin) foreign.push(u.href);
        }
        break;
      }
      case 'object': {
        const v = str('data');
        if (v) visit(v, pageUrl, 'images');
        break;
      }
    }
    const style = str('style');
    if (style) for (const u of cssUrls(style)) visit(u, pageUrl, 'images');
  }

  const zero = (): { raw: number; gzip: number } => ({ raw: 0, gzip: 0 });
  const sizes = { html: zero(), css: zero(), js: zero(), fonts: zero(), images: zero() };
  const total = zero();
  const list = [...files].map(([file, kind]) => {
    const size = sizeOf(file);
    sizes[kind].raw += size.raw;
    sizes[kind].gzip += size.gzip;
    total.raw += size.raw;
    total.gzip += size.gzip;
    return { file: file.slice(dir.length + 1), kind, size };
  });
  return {
    page,
    sizes,
    total,
    files: list,
    moduleScripts,
    inlineScripts,
    customElements: [...tags].sort(),
    foreign,
  };
}

/** Measures every HTML page of a build. */
export function siteWeights(dir: string, base: string, origin: string): PageWeight[] {
  return htmlPages(dir).map((page) => pageWeight(dir, base, page, origin));
}
