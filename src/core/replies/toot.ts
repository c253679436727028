/**
 * The toot a post names and the instances around it: URLs and host names other people type or
 * send, so each is checked before it reaches a link, a form or the Content-Security-Policy.
 */

/** A toot a post names in its `fediverse` frontmatter field. */
export interface Toot {
  /** The status URL as written, e.g. https://floss.social/@nicolas17/113000000000000001. */
  readonly url: string;
  /** Host name of the instance, lower-case, e.g. floss.social. */
  readonly instance: string;
  /** The account's user name on that instance, without "@". */
  readonly user: string;
  /** The status id, digits or letters as the instance numbers them. */
  readonly id: string;
}

/** The form the frontmatter field accepts, for error messages. */
export const TOOT_FORM =
  'https://<instance>/@<user>/<status id>, e.g. https://floss.social/@nicolas17/113000000000000001';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Whether text is a DNS host name the site may send readers to: letters, digits and hyphens in
 * dot-separated labels, at least two labels, the last not all digits (no IP addresses), no port,
 * no user, no path.
 */
export function isHostName(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  const labels = text.split('.');
  if (labels.length < 2) return false;
  if (/^\d+$/.test(labels.at(-1) ?? '')) return false;
  return labels.every((l) => LABEL.test(l));
}

/**
 * The host name in what a reader typed as their instance: "floss.social", "https://floss.social/",
 * "@me@floss.social" and " Floss.Social " all give "floss.social"; anything that is not a host name
 * gives undefined.
 */
export function instanceOf(input: string): string | undefined {
  let text = input.trim().toLowerCase();
  text = text.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  // "@user@host" or "user@host": a handle names its instance after the last "@".
  const at = text.lastIndexOf('@');
  if (at >= 0) text = text.slice(at + 1);
  return isHostName(text) ? text : undefined;
}

/** Reads a status URL; the toot, or why it is refused. */
export function parseToot(value: unknown): { toot: Toot } | { error: string } {
  if (typeof value !== 'string') return { error: `must be a URL such as ${TOOT_FORM}` };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { error: `${JSON.stringify(value)} is not a URL; write ${TOOT_FORM}` };
  }
  if (url.protocol !== 'https:') {
    return { error: `${JSON.stringify(value)} must start with https://; write ${TOOT_FORM}` };
  }
  const m = /^\/@([A-Za-z0-9_.-]+)\/([A-Za-z0-9]+)$/.exec(url.pathname);
  if (
    !m?.[1] ||
    !m[2] ||
    url.port !== '' ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    !isHostName(url.hostname)
  ) {
    return { error: `${JSON.stringify(value)} is not a status URL; write ${TOOT_FORM}` };
  }
  return { toot: { url: url.href, instance: url.hostname, user: m[1], id: m[2] } };
}

/** Where a reader on `instance` answers the toot: their instance's remote-interaction page. */
export function authorizeUrl(instance: string, toot: Toot): string {
  if (!isHostName(instance)) throw new Error(`not a host name: ${JSON.stringify(instance)}`);
  return `https://${instance}/authorize_interaction?uri=${encodeURIComponent(toot.url)}`;
}

/** The instance's public API address of the toot's replies. */
export function contextUrl(toot: Toot, origin = `https://${toot.instance}`): string {
  return `${origin}/api/v1/statuses/${encodeURIComponent(toot.id)}/context`;
}

/** The instance's public API address of the toot itself. */
export function statusUrl(toot: Toot, origin = `https://${toot.instance}`): string {
  return `${origin}/api/v1/statuses/${encodeURIComponent(toot.id)}`;
}

/** The https origins of the instances some posts name, sorted and without repeats, for the CSP. */
export function instanceOrigins(toots: readonly (Toot | undefined)[]): string[] {
  const hosts = new Set(toots.flatMap((t) => (t ? [t.instance] : [])));
  return [...hosts].sort().map((h) => `https://${h}`);
}

/** An account handle from the site config ("@user@host") as its profile URL, or undefined. */
export function profileUrl(handle: string): string | undefined {
  const m = /^@([A-Za-z0-9_.-]+)@([^@]+)$/.exec(handle);
  if (!m?.[1] || !m[2] || !isHostName(m[2])) return undefined;
  return `https://${m[2]}/@${m[1]}`;
}
