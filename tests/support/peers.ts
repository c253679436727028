import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judgeForFile, judgeForPackage, missingMessage } from '../../scripts/judges.ts';

/** Fails loudly, naming the Debian package from the one list of judges, when a checker is missing. */
export function requireTool(path: string): void {
  const judge = judgeForFile(path);
  if (!existsSync(path)) throw new Error(missingMessage(judge));
}

/** Runs xmllint --noout on a string; returns its complaints ('' when well-formed). */
export function xmllint(xml: string): string {
  requireTool('/usr/bin/xmllint');
  const r = spawnSync('/usr/bin/xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr || `xmllint exited ${r.status}`;
}

/** What Python's feedparser (the parser Planet KDE runs) makes of a feed. */
export interface Parsed {
  bozo: boolean;
  bozo_exception: string | null;
  version: string;
  feed: { title?: string; link?: string; subtitle?: string; language?: string; updated?: string };
  entries: {
    title: string;
    link: string;
    id: string;
    summary: string;
    content: string[];
    published: string | null;
    updated: string | null;
    tags: string[];
    author: string | null;
  }[];
}

const FEEDPARSER = `
import sys, json, feedparser
def e(x):
    return {
        'title': x.get('title', ''), 'link': x.get('link', ''), 'id': x.get('id', ''),
        'summary': x.get('summary', ''), 'content': [c.get('value', '') for c in x.get('content', [])],
        'published': x.get('published'), 'updated': x.get('updated'),
        'tags': [t.get('term') for t in x.get('tags', [])], 'author': x.get('author'),
    }
def parsed(d):
    return {
        'bozo': bool(d.bozo), 'bozo_exception': str(d.get('bozo_exception')) if d.bozo else None,
        'version': d.get('version', ''),
        'feed': {k: d.feed.get(k) for k in ('title', 'link', 'subtitle', 'language', 'updated') if d.feed.get(k) is not None},
        'entries': [e(x) for x in d.entries],
    }
print(json.dumps([parsed(feedparser.parse(f)) for f in sys.argv[1:]]))
`;

/** Feeds parsed so far in this test file, by path: each file is parsed once. */
const parsedFiles = new Map<string, Parsed>();
let feedparserFound = false;

/** Fails, naming the Debian package, unless /usr/bin/python3 imports feedparser. */
function requireFeedparser(): void {
  if (feedparserFound) return;
  requireTool('/usr/bin/python3');
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import feedparser'], { encoding: 'utf8' });
  if (probe.status !== 0) throw new Error(missingMessage(judgeForPackage('python3-feedparser')));
  feedparserFound = true;
}

/** Parses feed files with Debian's python3-feedparser, all in one Python run. */
export function feedparseFiles(files: readonly string[]): Parsed[] {
  requireFeedparser();
  const todo = [...new Set(files.filter((f) => !parsedFiles.has(f)))];
  if (todo.length > 0) {
    const out = execFileSync('/usr/bin/python3', ['-c', FEEDPARSER, ...todo], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const results = JSON.parse(out) as Parsed[];
    todo.forEach((f, i) => {
      parsedFiles.set(f, results[i] as Parsed);
    });
  }
  return files.map((f) => parsedFiles.get(f) as Parsed);
}

/** Parses a feed (a string or a file path) with Debian's python3-feedparser under /usr/bin/python3. */
export function feedparser(feed: { text: string } | { file: string }): Parsed {
  if ('file' in feed) return feedparseFiles([feed.file])[0] as Parsed;
  const file = join(mkdtempSync(join(tmpdir(), 'feed-')), 'feed');
  writeFileSync(file, feed.text);
  return feedparseFiles([file])[0] as Parsed;
}

/** What Planet KDE's aggregator sees of a feed it fetched over HTTP. */
export interface PlanetView {
  url: string;
  bozo: boolean;
  /** The class name of feedparser's complaint, e.g. NonXMLContentType, or null. */
  bozo_exception: string | null;
  content_type: string | null;
  entries: {
    title: string;
    link: string;
    id: string;
    content: string[];
    published_parsed: boolean;
    published: string | null;
  }[];
}

// Planet KDE's exact call; the aggregator drops a feed whose bozo is set for any other reason
// than CharacterEncodingOverride.
const PLANET = `
import sys, json, feedparser
out = []
for url in sys.argv[1:]:
    d = feedparser.parse(url, resolve_relative_uris=False, sanitize_html=False)
    out.append({
        'url': url, 'bozo': bool(d.bozo),
        'bozo_exception': type(d.bozo_exception).__name__ if d.bozo else None,
        'content_type': d.get('headers', {}).get('content-type'),
        'entries': [{
            'title': x.get('title', ''), 'link': x.get('link', ''), 'id': x.get('id', ''),
            'content': [c.get('value', '') for c in x.get('content', [])],
            'published_parsed': x.get('published_parsed') is not None,
            'published': x.get('published'),
        } for x in d.entries],
    })
print(json.dumps(out))
`;

/** Fetches and parses feeds over HTTP exactly as Planet KDE does (python3-feedparser). */
export function planetParse(urls: readonly string[]): PlanetView[] {
  requireFeedparser();
  const r = spawnSync('/usr/bin/python3', ['-c', PLANET, ...urls], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`feedparser failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as PlanetView[];
}
