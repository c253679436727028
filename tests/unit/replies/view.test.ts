import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import {
  BLOCKED_ACCOUNT,
  FIXTURE_INSTANCE,
  HIDDEN_TEXTS,
  HOSTILE_DESCENDANTS,
  HOSTILE_SHOWN,
  HOSTILE_TOOT,
} from '../../../scripts/replies-fixtures.ts';
import { countLabel, LABELS, MAX_DEPTH } from '../../../src/core/replies/labels.ts';
import {
  blockedSet,
  isShown,
  type Reply,
  replyFromStatus,
  threadOf,
} from '../../../src/core/replies/snapshot.ts';
import { parseToot, type Toot } from '../../../src/core/replies/toot.ts';
import { feedLineHtml, sectionHtml } from '../../../src/core/replies/view.ts';

const toot = (parseToot(HOSTILE_TOOT.url) as { toot: Toot }).toot;
// What the page does with a snapshot an older run wrote, before the block and with private ones.
const all = HOSTILE_DESCENDANTS.map(replyFromStatus).filter((r): r is Reply => r !== undefined);
const shown = all.filter((r) => isShown(r, FIXTURE_INSTANCE, blockedSet([BLOCKED_ACCOUNT])));
const html = sectionHtml(
  toot,
  threadOf(shown, toot.id),
  shown.length,
  blockedSet([BLOCKED_ACCOUNT]),
);
const tree = fromHtml(html, { fragment: true });

function elements(node: Root | Element): Element[] {
  const out: Element[] = [];
  const walk = (children: RootContent[]) => {
    for (const c of children) {
      if (c.type === 'element') {
        out.push(c);
        walk(c.children);
      }
    }
  };
  walk(node.children);
  return out;
}
const els = elements(tree);
const byId = (id: string) => els.find((e) => e.properties['id'] === `reply-${id}`);
const textOf = (node: Element | Root): string =>
  node.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : ''))
    .join('');
/** How many reply lists hold a reply: its indentation. */
function depthOf(id: string): number {
  const path: Element[] = [];
  const find = (node: Element | Root, trail: Element[]): boolean => {
    for (const c of node.children) {
      if (c.type !== 'element') continue;
      if (c.properties['id'] === `reply-${id}`) {
        path.push(...trail);
        return true;
      }
      if (find(c, [...trail, c])) return true;
    }
    return false;
  };
  find(tree, []);
  return path.filter((e) => e.tagName === 'ol').length;
}

describe('the replies section of the fixture toot', () => {
  it('says how many replies it shows and shows exactly those', () => {
    expect(textOf(els.find((e) => e.tagName === 'h2') as Element)).toBe(
      `${HOSTILE_SHOWN.length} replies on the fediverse`,
    );
    const items = els.filter((e) => e.tagName === 'li').map((e) => String(e.properties['id']));
    expect(items.sort()).toEqual(HOSTILE_SHOWN.map((id) => `reply-${id}`).sort());
  });

  it('never shows a private, direct or blocked reply', () => {
    for (const hidden of HIDDEN_TEXTS) expect(html).not.toContain(hidden);
    expect(html).not.toContain('Spammer');
    // Nor does it say whom the author blocks: the element gets keys, not handles.
    expect(html).not.toContain('spam.example');
  });

  it('indents each answer one step deeper, up to the cap, and then names whom it answers', () => {
    const thread = HOSTILE_DESCENDANTS.slice(0, 6).map((s) => String(s['id']));
    expect(thread.map(depthOf)).toEqual([1, 2, 3, 4, 4, 4]);
    expect(MAX_DEPTH).toBe(4);
    expect(textOf(byId(thread[5] as string) as Element)).toContain(`${LABELS.inReplyTo} Alice`);
    expect(textOf(byId(thread[3] as string) as Element)).not.toContain(LABELS.inReplyTo);
  });

  it('leaves nothing that runs or loads in the hostile reply, and keeps its safe link', () => {
    const hostile = byId(String(HOSTILE_DESCENDANTS[6]?.['id'])) as Element;
    const inside = elements(hostile);
    const tags = new Set(inside.map((e) => e.tagName));
    for (const bad of ['script', 'img', 'iframe', 'style', 'svg', 'form', 'button']) {
      expect(tags.has(bad), bad).toBe(false);
    }
    for (const e of inside) {
      for (const [name, value] of Object.entries(e.properties)) {
        expect(name, `${e.tagName} ${name}`).not.toMatch(/^on/i);
        expect(String(value)).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
    }
    const links = inside.filter((e) => e.tagName === 'a');
    expect(links.map((a) => a.properties['href'])).toEqual(['https://kde.org/']);
    expect(links[0]?.properties['rel']).toEqual(['nofollow', 'ugc', 'noopener']);
    expect(textOf(hostile)).toContain('Mallory <img src=x onerror=window.__pwned=1>');
  });

  it('isolates right-to-left and emoji names, and writes custom emoji as :shortcode: text', () => {
    const rtl = byId(String(HOSTILE_DESCENDANTS[7]?.['id'])) as Element;
    const name = elements(rtl).find((e) => e.tagName === 'bdi');
    expect(textOf(name as Element)).toBe('مرحبا \u202Eevil');
    const emoji = byId(String(HOSTILE_DESCENDANTS[8]?.['id'])) as Element;
    expect(textOf(emoji)).toContain('🦊 Fox :blobfox:');
    expect(textOf(emoji)).toContain('Love it :blobcat: :blobfox:');
    // Nothing is loaded: no emoji image, no avatar.
    expect(els.filter((e) => e.properties['src'] !== undefined)).toEqual([]);
    expect(html).not.toContain('blobfox.png');
    expect(html).not.toContain('avatars');
  });

  it('names a deleted account as such, without a link', () => {
    const gone = byId(String(HOSTILE_DESCENDANTS[9]?.['id'])) as Element;
    expect(textOf(gone)).toContain(LABELS.deleted);
    const byline = elements(gone).find(
      (e) => e.properties['className']?.toString() === 'reply-byline',
    );
    expect(elements(byline as Element).filter((e) => e.tagName === 'a')).toHaveLength(1); // the date
  });

  it('keeps a content warning collapsed behind <details>', () => {
    const cw = byId(String(HOSTILE_DESCENDANTS[13]?.['id'])) as Element;
    const details = elements(cw).find((e) => e.tagName === 'details') as Element;
    expect(details.properties['open']).toBeUndefined();
    const summary = elements(details).find((e) => e.tagName === 'summary') as Element;
    expect(textOf(summary)).toBe(`${LABELS.warning} Spoilers for the ending`);
    expect(textOf(details)).toContain('CW-HIDDEN-TEXT');
  });

  it('shows a reply with only the required fields: its user name, handle and text', () => {
    const bare = byId(String(HOSTILE_DESCENDANTS[14]?.['id'])) as Element;
    expect(textOf(bare)).toBe('minimal @minimal@mastodon.exampleBare reply.');
    expect(elements(bare).some((e) => e.tagName === 'time' || e.tagName === 'a')).toBe(false);
  });

  it('keeps mentions and hashtags as links to their pages', () => {
    const mention = byId(String(HOSTILE_DESCENDANTS[15]?.['id'])) as Element;
    const hrefs = elements(mention)
      .filter((e) => e.tagName === 'a')
      .map((a) => a.properties['href']);
    expect(hrefs).toContain('https://mastodon.example/@nicolas17');
    expect(hrefs).toContain('https://mastodon.example/tags/KDE');
    expect(textOf(mention)).toContain('@nicolas17 thanks! #KDE');
  });

  it('dates each reply with a <time> and links it to the reply', () => {
    const first = byId(String(HOSTILE_DESCENDANTS[0]?.['id'])) as Element;
    const time = elements(first).find((e) => e.tagName === 'time') as Element;
    expect(time.properties['dateTime']).toBe('2026-11-02T12:01:00.000Z');
    expect(textOf(time)).toBe('2 November 2026');
  });

  it('offers the reply link and a GET form to the toot’s instance', () => {
    const link = els.find((e) => e.tagName === 'a' && textOf(e) === LABELS.reply);
    expect(link?.properties['href']).toBe(HOSTILE_TOOT.url);
    const form = els.find((e) => e.tagName === 'form') as Element;
    expect(form.properties['method']).toBe('get');
    expect(form.properties['action']).toBe(`https://${FIXTURE_INSTANCE}/authorize_interaction`);
    const uri = elements(form).find((e) => e.properties['name'] === 'uri');
    expect(uri?.properties['value']).toBe(HOSTILE_TOOT.url);
  });
});

describe('labels and the feed line', () => {
  it('counts in words a reader expects', () => {
    expect(countLabel(0)).toBe('No replies on the fediverse yet');
    expect(countLabel(1)).toBe('1 reply on the fediverse');
    expect(countLabel(1000)).toBe('1,000 replies on the fediverse');
  });

  it('gives feeds the count and the links, none of the replies', () => {
    const line = feedLineHtml(3, 'https://blog.example.org/posts/x/', toot);
    expect(line).toBe(
      `<p><a href="https://blog.example.org/posts/x/#replies">3 replies on the fediverse</a> · <a href="${HOSTILE_TOOT.url}">Reply on the fediverse</a></p>`,
    );
  });
});
