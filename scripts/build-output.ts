/**
 * Reading a build's output folder: its files and pages, which file serves a URL, its HTML parsed.
 * Shared by the commands (bench, lighthouse, preview) and the tests, which re-export it from
 * tests/support/site.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** Every file below a folder, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

/** The HTML pages of a build, relative to it. */
export function htmlPages(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith('.html'));
}

/** The URL path a file is served at, under the base. */
export function urlPathOf(file: string, base: string): string {
  const path = file.replace(/(^|\/)index\.html$/, '$1');
  return `${base}${path}`;
}

/** Maps a URL path under the base to the file that serves it, or undefined if none does. */
export function fileFor(dir: string, base: string, urlPath: string): string | undefined {
  if (!urlPath.startsWith(base)) return undefined;
  const rest = decodeURIComponent(urlPath.slice(base.length));
  const candidates =
    rest === '' || rest.endsWith('/')
      ? [join(rest, 'index.html')]
      : [rest, join(rest, 'index.html')];
  return candidates.map((c) => join(dir, c)).find((f) => existsSync(f) && statSync(f).isFile());
}

/** Parses an HTML file. */
export function parseHtml(file: string): Root {
  return fromHtml(readFileSync(file, 'utf8'));
}

/** All elements of a tree, depth first. */
export function elements(tree: Root | Element): Element[] {
  const out: Element[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const n of nodes) {
      if (n.type === 'element') {
        out.push(n);
        walk(n.children as RootContent[]);
        if (n.tagName === 'template' && n.content) walk(n.content.children as RootContent[]);
      }
    }
  };
  walk(tree.children as RootContent[]);
  return out;
}
