import {
  blockedSet,
  isShown,
  parseSnapshot,
  type Reply,
  threadOf,
} from '../core/replies/snapshot.ts';
import type { Toot } from '../core/replies/toot.ts';
import { FEDIVERSE } from '../site.config.ts';
import type { Post } from './posts.ts';

/** Where `npm run replies` keeps one file per post, named after the post's id. */
export const REPLIES_DIR = 'content/replies';

// Read when the site is bundled: the build itself never asks an instance for anything.
const FILES = import.meta.glob<string>('/content/replies/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** The replies a post shows: the toot it names, its shown replies as threads, and their count. */
export interface PostReplies {
  readonly toot: Toot;
  readonly replies: readonly Reply[];
  readonly threads: ReturnType<typeof threadOf>;
}

/** The site config's blocked accounts, as the keys `isShown` and the page's element compare. */
export const BLOCKED = blockedSet(FEDIVERSE.blocked);
const cache = new Map<string, PostReplies | undefined>();
const warned = new Set<string>();

/**
 * The replies of a post that names a toot (undefined for one that does not). A post whose snapshot
 * is missing shows none and the build says how to fetch them; a snapshot of another toot fails.
 */
export function repliesOf(post: Post): PostReplies | undefined {
  if (cache.has(post.id)) return cache.get(post.id);
  const toot = post.data.fediverse;
  let result: PostReplies | undefined;
  if (toot) {
    const file = `${REPLIES_DIR}/${post.id}.json`;
    const json = FILES[`/${file}`];
    let replies: Reply[] = [];
    if (json === undefined) {
      if (!warned.has(file)) {
        warned.add(file);
        console.warn(
          `${file} is missing: run "npm run replies" to fetch the replies to ${toot.url}`,
        );
      }
    } else {
      const snapshot = parseSnapshot(json, file);
      if (snapshot.toot !== toot.url) {
        throw new Error(
          `${file}: holds the replies to ${snapshot.toot}, but the post names ${toot.url}; run "npm run replies"`,
        );
      }
      replies = snapshot.replies.filter((r) => isShown(r, toot.instance, BLOCKED));
    }
    result = { toot, replies, threads: threadOf(replies, toot.id) };
  }
  cache.set(post.id, result);
  return result;
}
