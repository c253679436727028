/** The replies section's words and numbers, shared by the build-time view and the browser element. */

/** Every reader-facing text of the replies section and its feed line, once. */
export const LABELS = {
  reply: 'Reply on the fediverse',
  instance: 'Your instance',
  submit: 'Reply',
  refresh: 'Show newer replies',
  refreshing: 'Loading newer replies…',
  deleted: 'a deleted account',
  warning: 'Content warning:',
  inReplyTo: 'in reply to',
  noJs: 'Without JavaScript the form opens the toot on its own instance; from another instance, paste the toot’s address into your instance’s search.',
  badInstance: 'Type your instance’s name, such as mastodon.social.',
} as const;

/** Deepest indentation: replies below it line up with their parent and say whom they answer. */
export const MAX_DEPTH = 4;

/** The id of the replies section, for links from feeds and the page. */
export const SECTION_ID = 'replies';

/** "No replies on the fediverse yet", "1 reply on the fediverse", "1,000 replies on the fediverse". */
export function countLabel(count: number): string {
  if (count === 0) return 'No replies on the fediverse yet';
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'reply' : 'replies'} on the fediverse`;
}

/** The message when the instance did not answer with newer replies. */
export function refreshError(instance: string, why: string): string {
  return `Could not load newer replies from ${instance} (${why}); the replies shown are the saved copy.`;
}

/** The message after a refresh: how many replies it added. */
export function refreshDone(added: number): string {
  if (added === 0) return 'No newer replies.';
  return `${added.toLocaleString('en-US')} newer ${added === 1 ? 'reply' : 'replies'} added.`;
}
