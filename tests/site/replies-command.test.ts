import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BLOCKED_ACCOUNT,
  HIDDEN_TEXTS,
  HOSTILE_DESCENDANTS,
  HOSTILE_POST,
  HOSTILE_SHOWN,
  HOSTILE_TOOT,
  MANY_COUNT,
  MANY_POST,
  MANY_POST_SOURCE,
  MANY_TOOT,
} from '../../scripts/replies-fixtures.ts';
import { type Behaviour, type FakeInstance, fakeInstance } from '../support/fake-mastodon.ts';
import { EXTRA_POSTS, ROOT } from '../support/site.ts';

/** Runs `npm run replies` (scripts/replies.ts on the project's Node) against the fake instance. */
function replies(env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  const node = join(ROOT, 'node_modules/.bin/node');
  if (!existsSync(node)) throw new Error(`${node} not found: run "npm ci" (the node@24 package)`);
  const child = spawn(node, [join(ROOT, 'scripts/replies.ts')], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((ok) => child.on('close', (status) => ok({ status, output })));
}

/** Every file of a folder and its bytes. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'latin1')]),
  );
}

describe('npm run replies', () => {
  let instance: FakeInstance;
  const work = mkdtempSync(join(tmpdir(), 'replies-'));
  const posts = join(work, 'posts');
  const saved = join(work, 'replies');
  const env = () => ({
    POSTS_DIR: posts,
    REPLIES_DIR: saved,
    FEDIVERSE_API: instance.origin,
    // Long enough for 1,000 replies on a loaded machine; the timeout case shortens it.
    REPLIES_TIMEOUT_MS: '15000',
    // What the extra build's site config blocks.
    REPLIES_BLOCKED: BLOCKED_ACCOUNT,
  });
  beforeAll(async () => {
    instance = await fakeInstance();
    mkdirSync(posts);
    cpSync(join(EXTRA_POSTS, `${HOSTILE_POST}.mdx`), join(posts, `${HOSTILE_POST}.mdx`));
    writeFileSync(join(posts, `${MANY_POST}.mdx`), MANY_POST_SOURCE);
    // A post that names no toot: nothing is fetched for it.
    cpSync(join(ROOT, 'content/posts/first-post.mdx'), join(posts, 'first-post.mdx'));
  });
  afterAll(() => instance?.close());

  it('writes one snapshot per post that names a toot, public replies only, keys in order', async () => {
    const { status, output } = await replies(env());
    expect(status, output).toBe(0);
    expect(readdirSync(saved).sort()).toEqual([`${HOSTILE_POST}.json`, `${MANY_POST}.json`]);
    const hostile = JSON.parse(readFileSync(join(saved, `${HOSTILE_POST}.json`), 'utf8'));
    expect(hostile.toot).toBe(HOSTILE_TOOT.url);
    expect(hostile.replies.map((r: { id: string }) => r.id).sort()).toEqual(
      [...HOSTILE_SHOWN].sort(),
    );
    const text = readFileSync(join(saved, `${HOSTILE_POST}.json`), 'utf8');
    for (const hidden of HIDDEN_TEXTS) expect(text).not.toContain(hidden);
    expect(JSON.parse(readFileSync(join(saved, `${MANY_POST}.json`), 'utf8')).replies).toHaveLength(
      MANY_COUNT,
    );
    expect(output).toContain(`${MANY_COUNT} replies, ${MANY_COUNT} new`);
    expect(instance.requests).toContain(`/api/v1/statuses/${MANY_TOOT.id}/context`);
    expect(
      instance.requests.filter((p) => !p.includes(HOSTILE_TOOT.id) && !p.includes(MANY_TOOT.id)),
    ).toEqual([]);
  });

  it('changes nothing when run again with nothing new', async () => {
    const before = contents(saved);
    const mtimes = readdirSync(saved).map((f) => statSync(join(saved, f)).mtimeMs);
    const { status, output } = await replies(env());
    expect(status, output).toBe(0);
    expect(output).toContain('unchanged');
    expect(contents(saved)).toEqual(before);
    expect(readdirSync(saved).map((f) => statSync(join(saved, f)).mtimeMs)).toEqual(mtimes);
  });

  it('adds a new reply and keeps the earlier ones the instance no longer lists', async () => {
    const newer = {
      ...HOSTILE_DESCENDANTS[0],
      id: '113500000000000199',
      created_at: '2026-11-30T00:00:00.000Z',
    };
    instance.serve(HOSTILE_TOOT.id, [newer]);
    try {
      const { status, output } = await replies(env());
      expect(status, output).toBe(0);
      const ids = JSON.parse(readFileSync(join(saved, `${HOSTILE_POST}.json`), 'utf8')).replies.map(
        (r: { id: string }) => r.id,
      );
      expect(ids).toHaveLength(HOSTILE_SHOWN.length + 1);
      expect(ids).toContain('113500000000000199');
    } finally {
      instance.serve(HOSTILE_TOOT.id, HOSTILE_DESCENDANTS);
    }
  });

  it.each<[Behaviour, RegExp]>([
    [404, /answered 404 Not Found: the toot is gone or was never public/],
    [410, /answered 410 Gone/],
    [
      429,
      /answered 429 Too Many Requests: the instance limits requests; try again later \(Retry-After: 300\)/,
    ],
    [500, /answered 500 Internal Server Error: the instance has a problem of its own/],
    ['timeout', /did not answer within 1 s/],
    ['broken-json', /answered with something that is not JSON/],
  ])(
    'an instance answering %s fails naming the post, and every snapshot stays byte for byte',
    async (behaviour, why) => {
      const before = contents(saved);
      // The second post fails: the first one's new snapshot is not written either.
      instance.behave(MANY_TOOT.id, behaviour);
      instance.serve(HOSTILE_TOOT.id, [
        ...HOSTILE_DESCENDANTS,
        {
          ...HOSTILE_DESCENDANTS[0],
          id: '113500000000000198',
          created_at: '2026-11-29T00:00:00.000Z',
        },
      ]);
      try {
        const wait = behaviour === 'timeout' ? { REPLIES_TIMEOUT_MS: '1000' } : {};
        const { status, output } = await replies({ ...env(), ...wait });
        expect(status, output).toBe(1);
        expect(output).toContain(`${MANY_POST}.mdx (${MANY_TOOT.url})`);
        expect(output).toMatch(why);
        expect(output).toContain('no file was changed');
        expect(output).not.toContain(HOSTILE_POST);
        expect(contents(saved)).toEqual(before);
      } finally {
        instance.behave(MANY_TOOT.id, 'ok');
        instance.serve(HOSTILE_TOOT.id, HOSTILE_DESCENDANTS);
      }
    },
  );

  it('refuses a post whose fediverse field is not a status URL, naming the file and the form', async () => {
    const bad = join(work, 'bad-posts');
    mkdirSync(bad);
    writeFileSync(
      join(bad, 'bad.mdx'),
      MANY_POST_SOURCE.replace(MANY_TOOT.url, 'http://mastodon.example/@nicolas17/1'),
    );
    const { status, output } = await replies({ ...env(), POSTS_DIR: bad });
    expect(status).toBe(1);
    expect(output).toMatch(
      /bad\.mdx: fediverse: .* must start with https:\/\/; write https:\/\/<instance>\/@<user>\/<status id>/,
    );
  });
});
