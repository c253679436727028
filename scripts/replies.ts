/**
 * `npm run replies`: fetches the replies to the toot each post names (frontmatter `fediverse`)
 * from its instance's public API and keeps them in `content/replies/<post>.json`. The only command
 * that uses the network. It fetches everything first and writes only when every instance
 * answered: a failure names the post and leaves every file as it was. Each file is written to a
 * temporary name and renamed, so no reader ever sees half a file.
 *
 * For tests: POSTS_DIR and REPLIES_DIR name other folders, FEDIVERSE_API sends every request to
 * that origin instead of https://<instance>, REPLIES_TIMEOUT_MS shortens the wait (default 20 s),
 * REPLIES_BLOCKED adds comma-separated accounts to the site config's blocked ones.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import {
  BadAnswer,
  blockedSet,
  parseSnapshot,
  type Snapshot,
  serializeSnapshot,
  snapshotFromContext,
} from '../src/core/replies/snapshot.ts';
import { contextUrl, parseToot, statusUrl, type Toot } from '../src/core/replies/toot.ts';
import { FEDIVERSE } from '../src/site.config.ts';

const ROOT = resolve(import.meta.dirname, '..');
const POSTS = resolve(ROOT, process.env['POSTS_DIR'] ?? 'content/posts');
const REPLIES = resolve(ROOT, process.env['REPLIES_DIR'] ?? 'content/replies');
const API = process.env['FEDIVERSE_API'];
const TIMEOUT_MS = Number(process.env['REPLIES_TIMEOUT_MS'] ?? 20_000);
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/;

/** A path as messages show it. */
const shown = (path: string) => relative(ROOT, path) || path;

/** The posts that name a toot, with their ids; a bad `fediverse` value stops the run. */
function postsWithToots(): { id: string; file: string; toot: Toot }[] {
  const out: { id: string; file: string; toot: Toot }[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(POSTS)
    .filter((f) => f.endsWith('.mdx'))
    .sort()) {
    const file = join(POSTS, name);
    const block = FRONTMATTER.exec(readFileSync(file, 'utf8'))?.[1];
    const data: unknown = block === undefined ? {} : parse(block);
    const value =
      typeof data === 'object' && data !== null && Object.hasOwn(data, 'fediverse')
        ? (data as { fediverse: unknown }).fediverse
        : undefined;
    if (value === undefined || value === null) continue;
    const parsed = parseToot(value);
    if ('toot' in parsed) out.push({ id: name.slice(0, -'.mdx'.length), file, toot: parsed.toot });
    else problems.push(`${shown(file)}: fediverse: ${parsed.error}`);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return out;
}

/** GETs JSON from the instance; throws a sentence saying what the instance did instead. */
async function getJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json', 'User-Agent': 'npm run replies (static blog)' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (e) {
    const err = e as Error;
    if (err.name === 'TimeoutError')
      throw new Error(`${url} did not answer within ${TIMEOUT_MS / 1000} s`);
    throw new Error(
      `${url} could not be reached (${(err.cause as Error | undefined)?.message ?? err.message})`,
    );
  }
  if (!response.ok) {
    const why =
      response.status === 404 || response.status === 410
        ? 'the toot is gone or was never public'
        : response.status === 429
          ? `the instance limits requests; try again later${response.headers.get('retry-after') ? ` (Retry-After: ${response.headers.get('retry-after')})` : ''}`
          : response.status >= 500
            ? 'the instance has a problem of its own; try again later'
            : 'the instance refused the request';
    await response.body?.cancel();
    throw new Error(`${url} answered ${response.status} ${response.statusText}: ${why}`);
  }
  const body = await response.text();
  try {
    return JSON.parse(body);
  } catch {
    throw new Error(`${url} answered with something that is not JSON (${body.length} bytes)`);
  }
}

/** The snapshot file of a post, as it is now (undefined when there is none). */
function previousOf(path: string): { text: string; snapshot: Snapshot } | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  return { text, snapshot: parseSnapshot(text, shown(path)) };
}

const posts = postsWithToots();
if (posts.length === 0) {
  console.log(
    `No post in ${shown(POSTS)}/ names a toot (frontmatter "fediverse"); nothing to fetch.`,
  );
  process.exit(0);
}
const blocked = blockedSet([
  ...FEDIVERSE.blocked,
  ...(process.env['REPLIES_BLOCKED'] ?? '').split(',').filter((h) => h.trim() !== ''),
]);
const results: {
  path: string;
  text: string;
  before: string | undefined;
  count: number;
  added: number;
}[] = [];
const failures: string[] = [];
for (const { id, file, toot } of posts) {
  const path = join(REPLIES, `${id}.json`);
  try {
    const previous = previousOf(path);
    const status = await getJson(statusUrl(toot, API));
    if (typeof status !== 'object' || status === null || !Object.hasOwn(status, 'id')) {
      throw new BadAnswer(`${statusUrl(toot, API)} did not answer with a Mastodon Status`);
    }
    const context = await getJson(contextUrl(toot, API));
    const snapshot = snapshotFromContext(toot, context, blocked, previous?.snapshot);
    const before = new Set(previous?.snapshot.replies.map((r) => r.id));
    results.push({
      path,
      text: serializeSnapshot(snapshot),
      before: previous?.text,
      count: snapshot.replies.length,
      added: snapshot.replies.filter((r) => !before.has(r.id)).length,
    });
  } catch (e) {
    failures.push(`${shown(file)} (${toot.url}): ${(e as Error).message}`);
  }
}
if (failures.length > 0) {
  console.error(
    `Could not fetch the replies of ${failures.length === 1 ? 'a post' : `${failures.length} posts`}; no file was changed:\n${failures.map((f) => `  - ${f}`).join('\n')}`,
  );
  process.exit(1);
}
mkdirSync(REPLIES, { recursive: true });
for (const r of results) {
  if (r.text === r.before) {
    console.log(`${shown(r.path)}: ${r.count} replies, unchanged`);
    continue;
  }
  const temp = `${r.path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, r.text);
    renameSync(temp, r.path);
  } finally {
    rmSync(temp, { force: true });
  }
  console.log(`${shown(r.path)}: ${r.count} replies, ${r.added} new`);
}
