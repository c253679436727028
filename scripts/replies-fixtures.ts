/**
 * Replies the tests serve from a fake Mastodon instance and the extra build carries as snapshots,
 * in the Mastodon client API's `Status` shape: one toot with every hostile or unusual reply the
 * replies section must survive, and a toot with 1,000 replies for the page-weight budget.
 */

/** The instance the fixture toots live on (.example: reserved, never a real server). */
export const FIXTURE_INSTANCE = 'mastodon.example';

/** The author's account in the extra build's site config. */
export const FIXTURE_ACCOUNT = '@nicolas17@mastodon.example';

/** The account the extra build's site config blocks. */
export const BLOCKED_ACCOUNT = '@blocked@spam.example';

/** The fixture post that names the hostile toot, and its toot. */
export const HOSTILE_POST = 'fediverse-replies-fixture';
export const HOSTILE_TOOT = {
  id: '113500000000000001',
  url: `https://${FIXTURE_INSTANCE}/@nicolas17/113500000000000001`,
};

/** The post of 1,000 replies, and its toot. */
export const MANY_POST = 'many-replies';
export const MANY_TOOT = {
  id: '113600000000000001',
  url: `https://${FIXTURE_INSTANCE}/@nicolas17/113600000000000001`,
};

/** How many replies the big post carries. */
export const MANY_COUNT = 1000;

/** Text in replies that must never reach a page: the private, direct and blocked ones. */
export const HIDDEN_TEXTS = ['PRIVATE-REPLY-TEXT', 'DIRECT-MESSAGE-TEXT', 'BLOCKED-ACCOUNT-TEXT'];

/** A Status the way Mastodon sends it, with the fields the site reads and a few it ignores. */
function status(
  n: number,
  parent: string,
  account: object | null,
  content: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const id = `1135000000000001${String(n).padStart(2, '0')}`;
  return {
    id,
    created_at: `2026-11-${String(1 + (n % 28)).padStart(2, '0')}T12:${String(n).padStart(2, '0')}:00.000Z`,
    in_reply_to_id: parent,
    in_reply_to_account_id: '1',
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: 'en',
    uri: `https://${FIXTURE_INSTANCE}/users/x/statuses/${id}`,
    url: `https://${FIXTURE_INSTANCE}/@x/${id}`,
    replies_count: 0,
    content,
    account,
    media_attachments: [],
    mentions: [],
    tags: [],
    emojis: [],
    ...extra,
  };
}

/** An Account the way Mastodon sends it. */
function account(acct: string, displayName: string, extra: Record<string, unknown> = {}): object {
  const [user, host = FIXTURE_INSTANCE] = acct.split('@');
  return {
    id: '1',
    username: user,
    acct,
    display_name: displayName,
    url: `https://${host}/@${user}`,
    avatar: `https://${host}/avatars/${user}.png`,
    emojis: [],
    ...extra,
  };
}

const ROOT = HOSTILE_TOOT.id;
const id = (n: number) => `1135000000000001${String(n).padStart(2, '0')}`;

/** The hostile toot's descendants: every case the issue lists. */
export const HOSTILE_DESCENDANTS: Record<string, unknown>[] = [
  // A thread of depth 6: the last two are past the indentation cap.
  status(1, ROOT, account('alice@kde.example', 'Alice'), '<p>Depth one: great write-up.</p>'),
  status(2, id(1), account('bob@floss.example', 'Bob'), '<p>Depth two.</p>'),
  status(3, id(2), account('alice@kde.example', 'Alice'), '<p>Depth three.</p>'),
  status(4, id(3), account('bob@floss.example', 'Bob'), '<p>Depth four.</p>'),
  status(5, id(4), account('alice@kde.example', 'Alice'), '<p>Depth five.</p>'),
  status(6, id(5), account('bob@floss.example', 'Bob'), '<p>Depth six.</p>'),
  // Everything that could run or load: none of it may.
  status(
    7,
    ROOT,
    account('mallory@evil.example', 'Mallory <img src=x onerror=window.__pwned=1>', {
      url: 'javascript:window.__pwned=2',
    }),
    '<p>HOSTILE-REPLY <script>window.__pwned=3</script><img src="https://evil.example/x.png" onerror="window.__pwned=4"><a href="javascript:window.__pwned=5">js link</a> <a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">data link</a> <a href=" JaVaScRiPt:window.__pwned=6">spaced link</a><iframe src="https://evil.example/"></iframe><style>body{display:none}</style><svg onload="window.__pwned=7"></svg> <a href="https://kde.org/" onclick="window.__pwned=8" style="color:red" target="_blank">kde.org</a> <form action="https://evil.example/"><button>go</button></form></p>',
    { url: 'javascript:window.__pwned=9' },
  ),
  // Right to left, with an override character, and emoji with a custom emoji's image address.
  status(8, ROOT, account('salam@rtl.example', 'مرحبا \u202Eevil'), '<p>شكرا على المقال</p>'),
  status(
    9,
    ROOT,
    account('fox@emoji.example', '🦊 Fox :blobfox:', {
      emojis: [{ shortcode: 'blobfox', url: 'https://emoji.example/blobfox.png' }],
    }),
    '<p>Love it :blobcat: <img class="emoji" alt=":blobfox:" src="https://emoji.example/blobfox.png"></p>',
    { emojis: [{ shortcode: 'blobcat', url: 'https://emoji.example/blobcat.png' }] },
  ),
  // An account that is gone.
  status(10, ROOT, null, '<p>Written by someone who has since left.</p>'),
  // Never shown: private, direct, and a blocked account.
  status(11, ROOT, account('carol@kde.example', 'Carol'), '<p>PRIVATE-REPLY-TEXT</p>', {
    visibility: 'private',
  }),
  status(12, ROOT, account('dave@kde.example', 'Dave'), '<p>DIRECT-MESSAGE-TEXT</p>', {
    visibility: 'direct',
  }),
  status(13, ROOT, account('blocked@spam.example', 'Spammer'), '<p>BLOCKED-ACCOUNT-TEXT</p>'),
  // A content warning: collapsed.
  status(14, ROOT, account('erin@kde.example', 'Erin'), '<p>CW-HIDDEN-TEXT</p>', {
    spoiler_text: 'Spoilers for the ending',
    sensitive: true,
  }),
  // Only what every server sends: no date, no link, no display name, a local account.
  { id: id(15), in_reply_to_id: ROOT, account: { acct: 'minimal' }, content: '<p>Bare reply.</p>' },
  // A mention and a hashtag as Mastodon writes them.
  status(
    16,
    ROOT,
    account('frank@kde.example', 'Frank'),
    '<p><span class="h-card" translate="no"><a href="https://mastodon.example/@nicolas17" class="u-url mention">@<span>nicolas17</span></a></span> thanks! <a href="https://mastodon.example/tags/KDE" class="mention hashtag" rel="tag">#<span>KDE</span></a></p>',
  ),
];

/** The replies the hostile toot's section shows, by id: everything but the private, direct and blocked ones. */
export const HOSTILE_SHOWN = HOSTILE_DESCENDANTS.map((s) => String(s['id'])).filter(
  (i) => ![id(11), id(12), id(13)].includes(i),
);

/** The root status itself, for GET /api/v1/statuses/:id. */
export function rootStatus(toot: { id: string; url: string }): Record<string, unknown> {
  return {
    id: toot.id,
    url: toot.url,
    created_at: '2026-11-01T10:00:00.000Z',
    in_reply_to_id: null,
    visibility: 'public',
    content: '<p>New post on the blog</p>',
    account: account('nicolas17', 'Nicolás'),
  };
}

/** 1,000 replies in threads: every fifth answers the one before it, up to depth 5. */
export function manyDescendants(count = MANY_COUNT): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let n = 1; n <= count; n++) {
    const rid = `1136${String(n).padStart(14, '0')}`;
    const parent = n % 5 === 1 ? MANY_TOOT.id : `1136${String(n - 1).padStart(14, '0')}`;
    out.push({
      id: rid,
      created_at: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
      in_reply_to_id: parent,
      visibility: 'public',
      spoiler_text: '',
      url: `https://${FIXTURE_INSTANCE}/@reader${n % 97}/${rid}`,
      content: `<p><a href="https://${FIXTURE_INSTANCE}/@nicolas17" class="u-url mention">@<span>nicolas17</span></a> Reply number ${n}: the load average explanation finally made sense of what our servers showed every few minutes.</p>`,
      account: account(`reader${n % 97}@kde.example`, `Reader ${n % 97}`),
    });
  }
  return out;
}

/** The big post's MDX source. */
export const MANY_POST_SOURCE = `---
title: A post with a thousand replies
description: Stress case for the replies section, carried only by the extra build.
pubDate: 2026-11-01
tags: [meta]
fediverse: ${MANY_TOOT.url}
---

This post exists to hold 1,000 replies from the fediverse.
`;
