import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Fails loudly, naming the Debian package, when an independent checker is missing. */
export function requireTool(path: string, debianPackage: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `${path} not found: install the Debian package ${debianPackage} (.ci/run does)`,
    );
  }
}

/** Runs xmllint --noout on a string; returns its complaints ('' when well-formed). */
export function xmllint(xml: string): string {
  requireTool('/usr/bin/xmllint', 'libxml2-utils');
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
d = feedparser.parse(sys.argv[1])
def e(x):
    return {
        'title': x.get('title', ''), 'link': x.get('link', ''), 'id': x.get('id', ''),
        'summary': x.get('summary', ''), 'content': [c.get('value', '') for c in x.get('content', [])],
        'published': x.get('published'), 'updated': x.get('updated'),
        'tags': [t.get('term') for t in x.get('tags', [])], 'author': x.get('author'),
    }
print(json.dumps({
    'bozo': bool(d.bozo), 'bozo_exception': str(d.get('bozo_exception')) if d.bozo else None,
    'version': d.get('version', ''),
    'feed': {k: d.feed.get(k) for k in ('title', 'link', 'subtitle', 'language', 'updated') if d.feed.get(k) is not None},
    'entries': [e(x) for x in d.entries],
}))
`;

/** Parses a feed (a string or a file path) with Debian's python3-feedparser under /usr/bin/python3. */
export function feedparser(feed: { text: string } | { file: string }): Parsed {
  requireTool('/usr/bin/python3', 'python3');
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import feedparser'], { encoding: 'utf8' });
  if (probe.status !== 0)
    throw new Error(
      'Python module feedparser not found: install the Debian package python3-feedparser',
    );
  let file: string;
  if ('file' in feed) file = feed.file;
  else {
    file = join(mkdtempSync(join(tmpdir(), 'feed-')), 'feed');
    writeFileSync(file, feed.text);
  }
  const out = execFileSync('/usr/bin/python3', ['-c', FEEDPARSER, file], { encoding: 'utf8' });
  return JSON.parse(out) as Parsed;
}
