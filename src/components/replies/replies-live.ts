/**
 * Newer replies, on request: the toot's context from its instance, held to the same filters and
 * sanitiser as the snapshot, merged into the threads already on the page. On any failure the page
 * keeps what it shows and says why.
 */
import { countLabel, MAX_DEPTH, refreshDone, refreshError } from '../../core/replies/labels.ts';
import { snapshotFromContext } from '../../core/replies/snapshot.ts';
import type { Toot } from '../../core/replies/toot.ts';
import { replyHtml } from '../../core/replies/view.ts';
import { morph } from '../widgets/morph.ts';

/** The keys of the blocked handles the page was built with. */
function blockedOf(root: HTMLElement): Set<string> {
  try {
    const list: unknown = JSON.parse(root.dataset['blocked'] ?? '[]');
    return new Set(Array.isArray(list) ? list.filter((h) => typeof h === 'string') : []);
  } catch {
    return new Set();
  }
}

/** The toot's context as JSON, or the reason there is none, for the message. */
async function fetchContext(url: string): Promise<{ context: unknown } | { why: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return { why: 'no answer' };
  }
  if (!response.ok) return { why: `HTTP ${response.status}` };
  try {
    return { context: await response.json() };
  } catch {
    return { why: 'not a Mastodon answer' };
  }
}

/** A new list item for a reply, from the same view as the build's. */
function itemOf(html: string, id: string): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'reply';
  li.id = `reply-${id}`;
  // replyHtml escapes every field and sanitises the content with the snapshot's allow-list.
  morph(li, html);
  return li;
}

/** Fetches the replies, adds those the page lacks under their parents; returns the status message. */
export async function showNewer(root: HTMLElement, toot: Toot): Promise<string> {
  const url = root.dataset['context'];
  if (!url) return refreshError(toot.instance, 'no address');
  const answer = await fetchContext(url);
  if ('why' in answer) return refreshError(toot.instance, answer.why);
  let replies: ReturnType<typeof snapshotFromContext>['replies'];
  try {
    replies = snapshotFromContext(toot, answer.context, blockedOf(root)).replies;
  } catch {
    return refreshError(toot.instance, 'not a Mastodon answer');
  }
  const top = root.querySelector<HTMLOListElement>('ol.reply-list[data-depth="1"]');
  if (!top) return refreshError(toot.instance, 'no list on the page');
  const byId = new Map(replies.map((r) => [r.id, r]));
  let added = 0;
  for (const reply of replies) {
    if (document.getElementById(`reply-${reply.id}`)) continue;
    const parentItem =
      reply.in_reply_to_id === null
        ? null
        : document.getElementById(`reply-${reply.in_reply_to_id}`);
    const parentList = parentItem?.parentElement;
    const depth = Number(parentList?.dataset['depth'] ?? 0);
    if (parentItem && parentList && depth >= MAX_DEPTH) {
      const parent = byId.get(reply.in_reply_to_id ?? '');
      parentItem.after(itemOf(replyHtml(reply, toot.instance, parent), reply.id));
    } else if (parentItem) {
      let list = parentItem.querySelector<HTMLOListElement>(':scope > ol.reply-list');
      if (!list) {
        list = document.createElement('ol');
        list.className = 'reply-list';
        list.dataset['depth'] = String(depth + 1);
        parentItem.append(list);
      }
      list.append(itemOf(replyHtml(reply, toot.instance), reply.id));
    } else top.append(itemOf(replyHtml(reply, toot.instance), reply.id));
    added++;
  }
  const heading = root.querySelector('h2');
  if (heading) heading.textContent = countLabel(root.querySelectorAll('li.reply').length);
  return refreshDone(added);
}
