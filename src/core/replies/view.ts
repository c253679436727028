/**
 * The replies section as HTML: the count, the ways to join in, and the threads. The post page
 * renders it at build time from the snapshot; the browser renders newer replies with the same
 * functions when the reader asks for them.
 */
import { attributes, escapeHtml } from '../html.ts';
import { formatDate } from '../posts.ts';
import { countLabel, LABELS, MAX_DEPTH, SECTION_ID } from './labels.ts';
import { FOREIGN_LINK_REL, sanitizeForeignHtml } from './sanitize.ts';
import { normalHandle, type Reply, type ReplyNode } from './snapshot.ts';
import { contextUrl, type Toot } from './toot.ts';

const REL = FOREIGN_LINK_REL.join(' ');

/** The name a reply is shown under: its display name, else its user name, else "a deleted account". */
export function authorName(reply: Reply): string {
  const account = reply.account;
  if (!account) return LABELS.deleted;
  return account.display_name.trim() || account.acct.split('@')[0] || account.acct;
}

/** When a reply was written, as `<time>`, or nothing when the instance gave no usable time. */
function timeHtml(createdAt: string): string {
  const date = new Date(createdAt);
  const year = date.getUTCFullYear();
  if (createdAt === '' || !Number.isFinite(date.getTime()) || year < 1 || year > 9999) return '';
  return `<time datetime="${escapeHtml(date.toISOString())}">${escapeHtml(formatDate(date))}</time>`;
}

/** One reply's byline, warning and content (its thread is added by the caller). */
export function replyHtml(reply: Reply, instance: string, parent?: Reply): string {
  const name = `<bdi>${escapeHtml(authorName(reply))}</bdi>`;
  const account = reply.account;
  const author = account?.url
    ? `<a href="${escapeHtml(account.url)}" rel="${REL}">${name}</a>`
    : name;
  const handle = account
    ? ` <span class="reply-handle"><bdi>@${escapeHtml(normalHandle(account.acct, instance))}</bdi></span>`
    : '';
  const time = timeHtml(reply.created_at);
  const when =
    time && (reply.url ? `<a href="${escapeHtml(reply.url)}" rel="${REL}">${time}</a>` : time);
  const answers = parent
    ? ` <span class="reply-to">${LABELS.inReplyTo} <a href="#reply-${parent.id}"><bdi>${escapeHtml(authorName(parent))}</bdi></a></span>`
    : '';
  const content = `<div class="reply-content">${sanitizeForeignHtml(reply.content)}</div>`;
  const body =
    reply.spoiler_text.trim() === ''
      ? content
      : `<details class="reply-warning"><summary>${LABELS.warning} <bdi>${escapeHtml(reply.spoiler_text)}</bdi></summary>${content}</details>`;
  return `<p class="reply-byline"><strong class="reply-author">${author}</strong>${handle}${when ? ` · ${when}` : ''}${answers}</p>${body}`;
}

/** One reply as a list item with its thread below it; from MAX_DEPTH on the thread follows it flat. */
function nodeHtml(node: ReplyNode, depth: number, instance: string, parent?: Reply): string {
  const item = (n: ReplyNode, answers?: Reply) =>
    `<li class="reply" id="reply-${n.reply.id}">${replyHtml(n.reply, instance, answers)}`;
  if (depth < MAX_DEPTH) {
    const thread = node.children.length > 0 ? listHtml(node.children, depth + 1, instance) : '';
    return `${item(node, parent)}${thread}</li>`;
  }
  // At the cap the whole subtree lines up, each reply naming whom it answers; a stack, not
  // recursion, so a chain thousands of replies long renders.
  let out = '';
  const stack: { n: ReplyNode; answers: Reply | undefined }[] = [{ n: node, answers: parent }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    out += `${item(top.n, top.answers)}</li>`;
    for (let k = top.n.children.length - 1; k >= 0; k--) {
      stack.push({ n: top.n.children[k] as ReplyNode, answers: top.n.reply });
    }
  }
  return out;
}

/** A list of threads at one depth (1 = answers to the toot). */
function listHtml(nodes: readonly ReplyNode[], depth: number, instance: string): string {
  const items = nodes.map((n) => nodeHtml(n, depth, instance)).join('');
  return `<ol class="reply-list"${attributes({ 'data-depth': depth })}>${items}</ol>`;
}

/** The threads as nested lists, indentation capped at MAX_DEPTH. */
export function threadsHtml(threads: readonly ReplyNode[], instance: string): string {
  return listHtml(threads, 1, instance);
}

/**
 * The whole replies section of a post: count, reply link and form, threads, refresh button.
 * `blocked` holds keys from `blockedSet`, never handles: the page must not list whom the author blocks.
 */
export function sectionHtml(
  toot: Toot,
  threads: readonly ReplyNode[],
  count: number,
  blocked: ReadonlySet<string>,
): string {
  const host = toot.instance;
  const form = [
    `<form class="reply-form" method="get" action="https://${escapeHtml(host)}/authorize_interaction">`,
    `<input type="hidden" name="uri" value="${escapeHtml(toot.url)}">`,
    `<label for="reply-instance">${LABELS.instance}</label> `,
    '<input id="reply-instance" name="instance" type="text" inputmode="url" autocomplete="off" spellcheck="false" placeholder="mastodon.social" size="20">',
    ` <button type="submit">${LABELS.submit}</button>`,
    '<span class="reply-form-error" role="alert"></span>',
    `</form><p class="reply-nojs muted" data-feed-omit>${LABELS.noJs}</p>`,
  ].join('');
  return [
    `<section class="replies" id="${SECTION_ID}" aria-labelledby="replies-heading">`,
    `<fediverse-replies${attributes({
      'data-toot': toot.url,
      'data-instance': host,
      'data-context': contextUrl(toot),
      'data-blocked': JSON.stringify([...blocked].sort()),
      'data-count': count,
    })}>`,
    `<h2 id="replies-heading">${escapeHtml(countLabel(count))}</h2>`,
    `<p class="reply-link"><a href="${escapeHtml(toot.url)}">${LABELS.reply}</a></p>`,
    form,
    threadsHtml(threads, host),
    `<p class="reply-refresh" hidden><button type="button">${LABELS.refresh}</button> <span class="reply-status" role="status"></span></p>`,
    '</fediverse-replies></section>',
  ].join('');
}

/** The feed's line about the replies: the count linked to the page's section, and the reply link. */
export function feedLineHtml(count: number, pageUrl: string, toot: Toot): string {
  return `<p><a href="${escapeHtml(`${pageUrl}#${SECTION_ID}`)}">${escapeHtml(countLabel(count))}</a> · <a href="${escapeHtml(toot.url)}">${LABELS.reply}</a></p>`;
}
