import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireTool } from './peers.ts';

/** One item as a feed reader stored or printed it. */
export interface ReaderItem {
  readonly title: string;
  readonly link: string;
  /** Seconds since the epoch. */
  readonly date: number;
  /** The item's text or HTML as the reader keeps it. */
  readonly content: string;
}

function run(cmd: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv }) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stderr}${r.stdout}`);
  }
  return r;
}

/** Loads feeds into newsboat's cache with `-x reload`; returns each URL's items from the cache. */
export function newsboat(urls: readonly string[]): Map<string, ReaderItem[]> {
  requireTool('/usr/bin/newsboat');
  requireTool('/usr/bin/python3');
  const tmp = mkdtempSync(join(tmpdir(), 'newsboat-'));
  try {
    writeFileSync(join(tmp, 'urls'), `${urls.join('\n')}\n`);
    writeFileSync(join(tmp, 'config'), 'reload-threads 2\nshow-read-feeds yes\n');
    const cache = join(tmp, 'cache.db');
    const r = run(
      '/usr/bin/newsboat',
      ['-u', join(tmp, 'urls'), '-c', cache, '-C', join(tmp, 'config'), '-x', 'reload'],
      { env: { ...process.env, HOME: tmp, XDG_CONFIG_HOME: tmp, XDG_DATA_HOME: tmp } },
    );
    if (/error/i.test(r.stdout + r.stderr)) throw new Error(`newsboat: ${r.stdout}${r.stderr}`);
    const dump = run(
      '/usr/bin/python3',
      [
        '-c',
        `import sqlite3, json, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute('select feedurl, title, url, pubDate, content from rss_item order by feedurl, pubDate desc').fetchall()
print(json.dumps(rows))`,
        cache,
      ],
      {},
    );
    const out = new Map<string, ReaderItem[]>(urls.map((u) => [u, []]));
    for (const [feed, title, link, date, content] of JSON.parse(dump.stdout) as [
      string,
      string,
      string,
      number,
      string,
    ][]) {
      out.get(feed)?.push({ title, link, date, content });
    }
    return out;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The TSV sfeed prints for a feed, one item a line, with its `\n`, `\t` and `\\` escapes undone. */
export function sfeed(xml: string): ReaderItem[] {
  requireTool('/usr/bin/sfeed');
  const unescapeTsv = (s: string) =>
    s.replace(/\\([nt\\])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
  return run('/usr/bin/sfeed', [], { input: xml })
    .stdout.split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [date, title, link, content] = line.split('\t');
      return {
        date: Number(date),
        title: unescapeTsv(title ?? ''),
        link: unescapeTsv(link ?? ''),
        content: unescapeTsv(content ?? ''),
      };
    });
}

/** One mail rss2email sent. */
export interface Mail {
  readonly subject: string;
  readonly body: string;
}

/** Runs rss2email on one feed URL, with a `sendmail` that keeps each mail; returns them, decoded. */
export function rss2email(url: string): Mail[] {
  requireTool('/usr/bin/r2e');
  const tmp = mkdtempSync(join(tmpdir(), 'r2e-'));
  try {
    const mails = join(tmp, 'mail');
    mkdirSync(mails);
    const sendmail = join(tmp, 'sendmail');
    writeFileSync(sendmail, `#!/bin/sh\ncat > "$(mktemp "${mails}/mail.XXXXXX")"\n`);
    chmodSync(sendmail, 0o755);
    const config = join(tmp, 'rss2email.cfg');
    writeFileSync(
      config,
      [
        '[DEFAULT]',
        'from = feeds@example.org',
        'to = reader@example.org',
        'email-protocol = sendmail',
        `sendmail = ${sendmail}`,
        'html-mail = False',
        '',
      ].join('\n'),
    );
    const env = { ...process.env, HOME: tmp, XDG_CONFIG_HOME: tmp, XDG_DATA_HOME: tmp };
    const data = join(tmp, 'rss2email.json');
    run('/usr/bin/r2e', ['-c', config, '-d', data, 'add', 'blog', url], { env });
    run('/usr/bin/r2e', ['-c', config, '-d', data, 'run'], { env });
    const files = readdirSync(mails).map((f) => join(mails, f));
    const decoded = run(
      '/usr/bin/python3',
      [
        '-c',
        `import sys, json, email, email.policy
out = []
for f in sys.argv[1:]:
    m = email.message_from_binary_file(open(f, 'rb'), policy=email.policy.default)
    out.append({'subject': str(m['subject']), 'body': m.get_body(('plain', 'html')).get_content()})
print(json.dumps(out))`,
        ...files,
      ],
      {},
    );
    return JSON.parse(decoded.stdout) as Mail[];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
