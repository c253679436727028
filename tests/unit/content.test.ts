import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POST_FACTS } from './post-facts.ts';

const POSTS_DIR = resolve(import.meta.dirname, '../../content/posts');
/** Every post in content/posts, drafts included: "every post" checks never list them by hand. */
const SLUGS = readdirSync(POSTS_DIR)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.slice(0, -'.mdx'.length))
  .sort();

function source(slug: string): string {
  const file = join(POSTS_DIR, `${slug}.mdx`);
  if (!existsSync(file)) throw new Error(`content/posts/${slug}.mdx not found (named in the test)`);
  return readFileSync(file, 'utf8');
}

/** The lines of the fenced code blocks and the inline code spans of an MDX source. */
function codeOf(mdx: string): Set<string> {
  const out = new Set<string>();
  const rest = mdx.replace(/^```[^\n]*\n([\s\S]*?)^```/gm, (_m, body: string) => {
    for (const line of body.split('\n')) out.add(line.trim());
    return ' ';
  });
  for (const m of rest.matchAll(/`([^`\n]+)`/g)) out.add(m[1] ?? '');
  return out;
}

/** The link targets of `[text](target)` links. */
function linksOf(mdx: string): string[] {
  return [...mdx.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
}

/** The lines of the fenced code block written in `lang`, or [] when there is none. */
function codeBlock(mdx: string, lang: string): string[] {
  const m = new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\``, 'm').exec(mdx);
  return m?.[1]?.split('\n') ?? [];
}

function frontmatterDate(mdx: string, key: string): string | undefined {
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(mdx)?.[1] ?? '';
  return new RegExp(`^${key}:\\s*['"]?(\\d{4}-\\d{2}-\\d{2})`, 'm').exec(fm)?.[1];
}

describe.each(POST_FACTS)('$slug carries the facts of its source text', (facts) => {
  const mdx = source(facts.slug);
  const code = codeOf(mdx);
  const links = linksOf(mdx);
  it.each([
    ...facts.figures.map((f) => ['figure', f] as const),
    ...facts.code.map((c) => ['code', c] as const),
    ...facts.links.map((l) => ['link', l] as const),
  ])('%s %s', (kind, fact) => {
    if (kind === 'figure') expect(mdx).toContain(fact);
    else if (kind === 'code') expect([...code]).toContain(fact);
    else expect(links).toContain(fact);
  });
});

describe.each(SLUGS)('%s reads as an honest record', (slug) => {
  const mdx = source(slug);

  it('claims no later addition unless it has an updatedDate', () => {
    if (frontmatterDate(mdx, 'updatedDate') !== undefined) return;
    expect(mdx).not.toMatch(/\b(?:added|updated|edited) later\b|^[*_\s]*(?:update|edit)[*_\s]*:/im);
  });

  it('shows no log lines stamped [hh:mm] (paraphrased words must not read as a record)', () => {
    expect(mdx).not.toMatch(/\[\d{1,2}:\d{2}(?::\d{2})?\]/);
  });

  it('links to no post dated after it', () => {
    const date = frontmatterDate(mdx, 'pubDate') ?? '';
    expect(date, 'pubDate').not.toBe('');
    for (const target of linksOf(mdx)) {
      const linked = /^(?:\.\.\/|\/posts\/)([a-z0-9-]+)\/?(?:#.*)?$/.exec(target)?.[1];
      if (linked === undefined || !SLUGS.includes(linked)) continue;
      const linkedDate = frontmatterDate(source(linked), 'pubDate') ?? '9999-12-31';
      expect(linkedDate <= date, `${slug} (${date}) links to ${linked} (${linkedDate})`).toBe(true);
    }
  });
});

describe('load-average-spikes: what the kernel counts', () => {
  const mdx = source('load-average-spikes');

  it('says the tally is of runnable tasks and tasks in uninterruptible sleep (D state)', () => {
    expect(mdx).toMatch(/runnable[^.]*uninterruptible\s+sleep[^.]*D state/);
    expect(mdx).not.toMatch(/stuck waiting/);
  });
});

describe('decrypting-ios-tls-traffic: corrections stay', () => {
  const mdx = source('decrypting-ios-tls-traffic');

  it('the hostapd.conf comment on auth_algs describes its bit field', () => {
    const conf = codeBlock(mdx, 'ini');
    const at = conf.indexOf('auth_algs=1');
    expect(at, 'auth_algs=1 in the ```ini block').toBeGreaterThan(0);
    const comment = conf[at - 1] ?? '';
    expect(comment).toMatch(/^#/);
    expect(comment).toMatch(/bit/i);
    expect(comment).toMatch(/1\s*=\s*open system/i);
    expect(comment).toMatch(/2\s*=\s*shared key/i);
    expect(comment).not.toMatch(/1\s*=\s*wpa|2\s*=\s*wep/i);
  });

  it('says iproxy and inetcat come from libusbmuxd (Debian: libusbmuxd-tools)', () => {
    expect(mdx).toMatch(/`iproxy`[\s\S]*?`inetcat`[^.]*\.\s*Both come from \[libusbmuxd\]/);
    expect(mdx).toContain('`libusbmuxd-tools`');
  });

  it('links the sslkeylog repository and its releases, not the author’s profile', () => {
    expect(linksOf(mdx)).not.toContain('https://gitlab.com/nicolas17');
    expect(linksOf(mdx)).toContain('https://gitlab.com/nicolas17/sslkeylog');
    expect(linksOf(mdx)).toContain('https://gitlab.com/nicolas17/sslkeylog/-/releases');
  });

  it('places the key-log inspector after the capture, where the reader has the key log', () => {
    const inspector = mdx.indexOf('<KeylogInspector');
    const capture = mdx.indexOf('sslkeylog | tee /tmp/ssl.log');
    expect(capture).toBeGreaterThan(0);
    expect(inspector).toBeGreaterThan(capture);
  });
});

// Issue 23, items 4 to 13: what the retelling added or blurred, gone and staying gone.
describe('issue 23: the posts say no more than the source, and say it plainly', () => {
  const load = source('load-average-spikes');
  const tls = source('decrypting-ios-tls-traffic');

  it.each([
    ['an evening the chat does not date', load, /that evening/],
    ['dramatised doubt', load, /for a long time we had no idea|seriously consider/i],
    ['a painful time the source does not describe', tls, /long, painful/],
    ['mitmproxy as HTTP-only', tls, /only understand HTTP/],
    ['an exact period called approximate', load, /about 41m45s/],
    ['"it" for the fix', load, /For now it has stopped/],
    ['"above all"', load, /Hersili above all/],
    ['British spelling on an en-US site', SLUGS.map(source).join('\n'), /\brealis(e|ed|ing)\b/],
    ['Cydia wording it does not use', tls, /in Cydia as a source/],
  ])('no %s', (_what, text, pattern) => {
    expect(text).not.toMatch(pattern);
  });

  it('labels the Telegraf [agent] block as an illustration and gives the default interval', () => {
    const at = load.indexOf('```toml');
    const before = load.slice(Math.max(0, at - 400), at);
    expect(before).toMatch(/illustration/);
    expect(before).toMatch(/default `interval` is 10 s/);
  });

  it('says the simulator’s 20 ms burst and baseline load of 6 are assumptions', () => {
    const at = load.indexOf('<LoadSimulator />');
    expect(load.slice(Math.max(0, at - 400), at)).toMatch(
      /assumptions[\s\S]*20 ms[\s\S]*load at 6/,
    );
  });

  it('says how the generator’s file differs, and that the auth_algs comment was corrected', () => {
    const at = tls.indexOf('<HostapdGenerator />');
    const before = tls.slice(Math.max(0, at - 1200), at);
    for (const word of ['band and channel', '`ieee80211d=1`', '`rsn_pairwise`', 'comments'])
      expect(before).toContain(word);
    expect(before).toMatch(/`1=wpa, 2=wep, 3=both`/);
  });
});
