/**
 * Replies to a toot as the repository keeps them: read from the Mastodon client API's `Status`
 * and `Context` shapes, filtered (public and unlisted only, blocked accounts out), written as JSON
 * with a fixed key order so that a new reply is a small diff, and read back at build time.
 */

/** The author of a reply, as far as the instance told us. */
export interface ReplyAccount {
  /** "user" on the toot's instance, "user@host" elsewhere. */
  readonly acct: string;
  readonly display_name: string;
  /** The profile page; empty when the instance gave none we would link to. */
  readonly url: string;
}

/** One reply: the fields of a Mastodon `Status` the page shows, named as the API names them. */
export interface Reply {
  readonly id: string;
  readonly in_reply_to_id: string | null;
  /** The reply's own page; empty when the instance gave none we would link to. */
  readonly url: string;
  /** RFC 3339 as the instance wrote it; empty when missing or unreadable. */
  readonly created_at: string;
  readonly visibility: string;
  /** Null for an account that is gone. */
  readonly account: ReplyAccount | null;
  /** The content warning; empty when there is none. */
  readonly spoiler_text: string;
  /** The reply's HTML exactly as the instance sent it: it is sanitised when rendered. */
  readonly content: string;
}

/** The file `npm run replies` writes for one post. */
export interface Snapshot {
  /** The status URL the post names; a snapshot for another toot is stale. */
  readonly toot: string;
  readonly replies: readonly Reply[];
}

/** Visibilities a reply may have to appear: what anyone may see on the instance's own pages. */
const SHOWN_VISIBILITY = new Set(['public', 'unlisted']);

// Ids go into element ids and API paths: Mastodon's are digits, other servers' letters and digits.
const ID = /^[A-Za-z0-9]{1,64}$/;

/** Text a field holds, or the fallback when it is missing or not text. */
function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

/** An absolute http(s) URL, or empty: a link another server sends is never javascript:, data: or relative. */
export function linkable(value: unknown): string {
  if (typeof value !== 'string') return '';
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : '';
  } catch {
    return '';
  }
}

/** A time the page can print, or empty. */
function instant(value: unknown): string {
  const t = text(value);
  return t !== '' && Number.isFinite(Date.parse(t)) ? t : '';
}

/** A field of an object the instance sent, by name: a plain read that never follows the prototype. */
function field(obj: unknown, name: string): unknown {
  if (typeof obj !== 'object' || obj === null || !Object.hasOwn(obj, name)) return undefined;
  return (obj as Record<string, unknown>)[name];
}

/** A `Status` from the API as a reply, or undefined when it lacks an id the page can use. */
export function replyFromStatus(status: unknown): Reply | undefined {
  const id = field(status, 'id');
  if (typeof id !== 'string' || !ID.test(id)) return undefined;
  const parent = field(status, 'in_reply_to_id');
  const account = field(status, 'account');
  const acct = text(field(account, 'acct'));
  return {
    id,
    in_reply_to_id: typeof parent === 'string' && ID.test(parent) ? parent : null,
    url: linkable(field(status, 'url')),
    created_at: instant(field(status, 'created_at')),
    visibility: text(field(status, 'visibility'), 'public'),
    account:
      acct === ''
        ? null
        : {
            acct,
            display_name: text(field(account, 'display_name')),
            url: linkable(field(account, 'url')),
          },
    spoiler_text: text(field(status, 'spoiler_text')),
    content: text(field(status, 'content')),
  };
}

/** A handle as the site config and the page write it, lower-case and without the leading "@": user@host. */
export function normalHandle(acct: string, instance: string): string {
  const bare = acct.trim().replace(/^@/, '').toLowerCase();
  return bare.includes('@') ? bare : `${bare}@${instance.toLowerCase()}`;
}

/**
 * A handle as the page may carry it without naming it: the page filters newer replies against the
 * blocked accounts, and a list of whom the author blocked is not the page's to publish. FNV-1a,
 * 52 bits (exact in a JavaScript number), written in base 36.
 */
export function handleKey(handle: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(handle)) {
    h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return (h >> 12n).toString(36);
}

/**
 * Whether a reply may appear: public or unlisted, from an account not in `blocked` (from
 * `blockedSet`); a reply from a deleted account may.
 */
export function isShown(reply: Reply, instance: string, blocked: ReadonlySet<string>): boolean {
  if (!SHOWN_VISIBILITY.has(reply.visibility)) return false;
  return (
    reply.account === null || !blocked.has(handleKey(normalHandle(reply.account.acct, instance)))
  );
}

/** The blocked handles of the site config ("@user@host" or "user@host") as keys for `isShown`. */
export function blockedSet(handles: readonly string[]): Set<string> {
  return new Set(handles.map((h) => handleKey(normalHandle(h, ''))));
}

/** Orders replies by time, then id (shorter numeric ids are older), so files and pages are stable. */
function byTime(a: Reply, b: Reply): number {
  if (a.created_at !== b.created_at) {
    // A reply the instance gave no time goes last rather than first.
    if (a.created_at === '' || b.created_at === '') return a.created_at === '' ? 1 : -1;
    return (
      Date.parse(a.created_at) - Date.parse(b.created_at) || (a.created_at < b.created_at ? -1 : 1)
    );
  }
  if (a.id.length !== b.id.length) return a.id.length - b.id.length;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What went wrong with an instance's answer, for the message naming the post. */
export class BadAnswer extends Error {}

/**
 * The snapshot of a toot from its `Context` (`GET /api/v1/statuses/:id/context`), merged with the
 * previous snapshot: an unauthenticated request gets at most 60 descendants, so replies seen
 * before are kept. Replies that may not appear are left out of the file too.
 */
export function snapshotFromContext(
  toot: { url: string; instance: string },
  context: unknown,
  blocked: ReadonlySet<string>,
  previous?: Snapshot,
): Snapshot {
  const descendants = field(context, 'descendants');
  if (!Array.isArray(descendants)) {
    throw new BadAnswer('the context has no "descendants" list (not a Mastodon Context)');
  }
  const byId = new Map<string, Reply>();
  if (previous?.toot === toot.url) for (const r of previous.replies) byId.set(r.id, r);
  for (const status of descendants) {
    const reply = replyFromStatus(status);
    if (reply) byId.set(reply.id, reply);
  }
  const replies = [...byId.values()].filter((r) => isShown(r, toot.instance, blocked)).sort(byTime);
  return { toot: toot.url, replies };
}

/** A snapshot as its file holds it: keys in a fixed order, two-space indent, a final newline. */
export function serializeSnapshot(snapshot: Snapshot): string {
  const replies = snapshot.replies.map((r) => ({
    id: r.id,
    in_reply_to_id: r.in_reply_to_id,
    created_at: r.created_at,
    url: r.url,
    visibility: r.visibility,
    account: r.account && {
      acct: r.account.acct,
      display_name: r.account.display_name,
      url: r.account.url,
    },
    spoiler_text: r.spoiler_text,
    content: r.content,
  }));
  return `${JSON.stringify({ toot: snapshot.toot, replies }, null, 2)}\n`;
}

/** Reads a snapshot file; throws naming the file and what is wrong. */
export function parseSnapshot(json: string, file: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`${file}: is not JSON (${(e as Error).message}); run "npm run replies" again`);
  }
  const toot = field(data, 'toot');
  const list = field(data, 'replies');
  if (typeof toot !== 'string' || !Array.isArray(list)) {
    throw new Error(
      `${file}: must be {"toot": "<status URL>", "replies": [...]}, as "npm run replies" writes it`,
    );
  }
  const replies: Reply[] = [];
  for (const [i, item] of list.entries()) {
    const reply = replyFromStatus(item);
    if (!reply) throw new Error(`${file}: replies[${i}] has no usable "id"`);
    replies.push(reply);
  }
  return { toot, replies };
}

/** A reply and the replies to it, in time order. */
export interface ReplyNode {
  readonly reply: Reply;
  readonly children: ReplyNode[];
}

/**
 * The replies as threads under the toot `rootId`, by `in_reply_to_id`. A reply whose parent is not
 * among them (left out, or never fetched) starts a thread of its own; a loop of replies naming
 * each other is broken where it is first met, so every reply appears exactly once.
 */
export function threadOf(replies: readonly Reply[], rootId: string): ReplyNode[] {
  const sorted = [...replies].sort(byTime);
  const ids = new Set(sorted.map((r) => r.id));
  const children = new Map<string, Reply[]>();
  for (const r of sorted) {
    const parent =
      r.in_reply_to_id !== null && ids.has(r.in_reply_to_id) ? r.in_reply_to_id : rootId;
    const list = children.get(parent);
    if (list) list.push(r);
    else children.set(parent, [r]);
  }
  const placed = new Set<string>();
  // Iterative, so a thread 10,000 replies deep cannot overflow the stack.
  const grow = (top: readonly Reply[]): ReplyNode[] => {
    const roots: ReplyNode[] = [];
    const stack: { reply: Reply; into: ReplyNode[] }[] = [...top]
      .reverse()
      .map((reply) => ({ reply, into: roots }));
    while (stack.length > 0) {
      const { reply, into } = stack.pop() as { reply: Reply; into: ReplyNode[] };
      if (placed.has(reply.id)) continue;
      placed.add(reply.id);
      const node: ReplyNode = { reply, children: [] };
      into.push(node);
      const kids = children.get(reply.id) ?? [];
      for (let k = kids.length - 1; k >= 0; k--)
        stack.push({ reply: kids[k] as Reply, into: node.children });
    }
    return roots;
  };
  const threads = grow(children.get(rootId) ?? []);
  // What a loop left unplaced joins the top level, in time order.
  const rest = sorted.filter((r) => !placed.has(r.id));
  if (rest.length > 0) threads.push(...grow(rest));
  return threads;
}
