import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLOCKED_ACCOUNT,
  FIXTURE_INSTANCE,
  HIDDEN_TEXTS,
  HOSTILE_DESCENDANTS,
  HOSTILE_POST,
  HOSTILE_SHOWN,
  HOSTILE_TOOT,
} from '../../../scripts/replies-fixtures.ts';
import { EXTRA_REPLIES } from '../../../scripts/test-builds.ts';
import {
  blockedSet,
  isShown,
  parseSnapshot,
  type Reply,
  replyFromStatus,
  serializeSnapshot,
  snapshotFromContext,
  threadOf,
} from '../../../src/core/replies/snapshot.ts';

const TOOT = { url: HOSTILE_TOOT.url, instance: FIXTURE_INSTANCE };
const BLOCKED = blockedSet([BLOCKED_ACCOUNT]);

function reply(
  id: string,
  parent: string | null,
  created = `2026-01-01T00:00:${id.padStart(2, '0')}Z`,
): Reply {
  return {
    id,
    in_reply_to_id: parent,
    url: '',
    created_at: created,
    visibility: 'public',
    account: { acct: `u${id}`, display_name: '', url: '' },
    spoiler_text: '',
    content: `<p>${id}</p>`,
  };
}

/** Every id in a thread, depth first. */
function ids(nodes: ReturnType<typeof threadOf>): string[] {
  const out: string[] = [];
  const stack = [...nodes].reverse();
  for (let n = stack.pop(); n; n = stack.pop()) {
    out.push(n.reply.id);
    stack.push(...[...n.children].reverse());
  }
  return out;
}

describe('the snapshot npm run replies writes', () => {
  it('keeps public and unlisted replies and drops private, direct and blocked ones', () => {
    const snap = snapshotFromContext(
      TOOT,
      { ancestors: [], descendants: HOSTILE_DESCENDANTS },
      BLOCKED,
    );
    expect(snap.replies.map((r) => r.id).sort()).toEqual([...HOSTILE_SHOWN].sort());
    const text = serializeSnapshot(snap);
    for (const hidden of HIDDEN_TEXTS) expect(text).not.toContain(hidden);
  });

  it('blocks a handle however the config writes it, and a local account by its full handle', () => {
    const local = { ...reply('1', null), account: { acct: 'Spam', display_name: '', url: '' } };
    expect(isShown(local, 'mastodon.example', blockedSet(['@spam@mastodon.example']))).toBe(false);
    expect(isShown(local, 'mastodon.example', blockedSet(['spam@MASTODON.example']))).toBe(false);
    expect(isShown(local, 'other.example', blockedSet(['@spam@mastodon.example']))).toBe(true);
  });

  it('is the same file however the instance orders its answer, and the same the second time', () => {
    const a = serializeSnapshot(
      snapshotFromContext(TOOT, { descendants: HOSTILE_DESCENDANTS }, BLOCKED),
    );
    const b = serializeSnapshot(
      snapshotFromContext(TOOT, { descendants: [...HOSTILE_DESCENDANTS].reverse() }, BLOCKED),
    );
    expect(b).toBe(a);
    const again = snapshotFromContext(
      TOOT,
      { descendants: HOSTILE_DESCENDANTS },
      BLOCKED,
      parseSnapshot(a, 'x'),
    );
    expect(serializeSnapshot(again)).toBe(a);
  });

  it('keeps replies it saw before that the instance no longer lists (it sends at most 60)', () => {
    const first = snapshotFromContext(TOOT, { descendants: HOSTILE_DESCENDANTS }, BLOCKED);
    const later = snapshotFromContext(
      TOOT,
      { descendants: HOSTILE_DESCENDANTS.slice(0, 2) },
      BLOCKED,
      first,
    );
    expect(later.replies.length).toBe(first.replies.length);
  });

  it('writes its keys in one fixed order, whatever order the instance used', () => {
    const [status] = HOSTILE_DESCENDANTS;
    const shuffled = Object.fromEntries(Object.entries(status ?? {}).reverse());
    const text = serializeSnapshot(snapshotFromContext(TOOT, { descendants: [shuffled] }, BLOCKED));
    expect(Object.keys(JSON.parse(text).replies[0])).toEqual([
      'id',
      'in_reply_to_id',
      'created_at',
      'url',
      'visibility',
      'account',
      'spoiler_text',
      'content',
    ]);
  });

  it('refuses an answer that is not a Context', () => {
    expect(() => snapshotFromContext(TOOT, { error: 'Record not found' }, BLOCKED)).toThrow(
      /descendants/,
    );
    expect(() => snapshotFromContext(TOOT, [], BLOCKED)).toThrow(/descendants/);
  });

  it('never keeps a link that is not http(s), or an id that could break out of an attribute', () => {
    const r = replyFromStatus({
      id: '1',
      url: 'javascript:alert(1)',
      account: { acct: 'a', url: 'data:text/html,x' },
      content: '',
    });
    expect(r?.url).toBe('');
    expect(r?.account?.url).toBe('');
    expect(replyFromStatus({ id: '1" onclick="x', content: '' })).toBeUndefined();
    expect(replyFromStatus({ id: '1', account: null, content: '' })?.account).toBeNull();
  });

  it('reads a broken snapshot file as an error naming the file', () => {
    expect(() => parseSnapshot('{', 'content/replies/x.json')).toThrow(
      /content\/replies\/x.json: is not JSON/,
    );
    expect(() => parseSnapshot('{"replies": 1}', 'content/replies/x.json')).toThrow(
      /content\/replies\/x.json/,
    );
  });

  it('the fixture snapshot is the fixture statuses as the model reads them', () => {
    const file = readFileSync(join(EXTRA_REPLIES, `${HOSTILE_POST}.json`), 'utf8');
    const replies = HOSTILE_DESCENDANTS.map(replyFromStatus).filter(
      (r): r is Reply => r !== undefined,
    );
    expect(file).toBe(serializeSnapshot({ toot: HOSTILE_TOOT.url, replies }));
  });
});

describe('threads', () => {
  it('nests replies under the reply they answer, in time order', () => {
    const threads = threadOf(
      [reply('3', '1'), reply('1', 'root'), reply('2', 'root'), reply('4', '3')],
      'root',
    );
    expect(threads.map((t) => t.reply.id)).toEqual(['1', '2']);
    expect(ids(threads)).toEqual(['1', '3', '4', '2']);
  });

  it('puts a reply whose parent is missing at the top, and breaks loops', () => {
    const threads = threadOf(
      [reply('1', 'gone'), reply('2', '3'), reply('3', '2'), reply('4', '4')],
      'root',
    );
    expect(ids(threads).sort()).toEqual(['1', '2', '3', '4']);
  });

  it('places every reply exactly once, whatever the parent links', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 30 }), (parents) => {
        const list = parents.map((p, i) => reply(String(i + 1), p === 0 ? 'root' : String(p)));
        expect(ids(threadOf(list, 'root')).sort()).toEqual(list.map((r) => r.id).sort());
      }),
    );
  });

  it('handles a chain 10,000 replies deep', () => {
    const list = Array.from({ length: 10_000 }, (_, i) =>
      reply(String(i + 1), i === 0 ? 'root' : String(i)),
    );
    expect(ids(threadOf(list, 'root'))).toHaveLength(10_000);
  });
});
