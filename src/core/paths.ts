/** Normalises a base path to the form Astro and the link helpers expect: leading and trailing slash. */
export function normaliseBase(raw: string): string {
  const trimmed = raw.trim();
  if (/[?#\s\\]/.test(trimmed) || /^[a-z]+:/i.test(trimmed)) {
    throw new Error(
      `BASE_PATH must be a path such as "/" or "/blog/", without scheme, query or fragment; got ${JSON.stringify(raw)}`,
    );
  }
  // Astro 7.3 encodes a non-ASCII base a second time in image URLs (/bl%C3%B6g/bl%25C3%25B6g/…), so
  // only characters that need no encoding anywhere are accepted.
  const unsafe = [...trimmed].find((c) => !/[A-Za-z0-9\-._~/]/.test(c));
  if (unsafe !== undefined) {
    throw new Error(
      `BASE_PATH may contain only ASCII letters, digits, "-", ".", "_", "~" and "/"; got ${JSON.stringify(raw)}, which contains ${JSON.stringify(unsafe)}. Use a plain ASCII folder name such as "/blog/".`,
    );
  }
  const segments = trimmed.split('/').filter(Boolean);
  if (segments.some((s) => s === '.' || s === '..')) {
    throw new Error(`BASE_PATH must not contain "." or ".." segments; got ${JSON.stringify(raw)}`);
  }
  const inner = segments.join('/');
  return inner === '' ? '/' : `/${inner}/`;
}

/** Validates SITE_URL (an absolute http(s) URL) and returns its origin, without any path. */
export function normaliseSiteUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(
      `SITE_URL must be an absolute URL such as https://example.org; got ${JSON.stringify(raw)}`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL must use http or https; got ${JSON.stringify(raw)}`);
  }
  if (url.pathname !== '/' && url.pathname !== '') {
    throw new Error(
      `SITE_URL is the origin only (${url.origin}); put the sub-path "${url.pathname}" in BASE_PATH instead`,
    );
  }
  return url.origin;
}

/** Joins a site-relative path ("posts/x/", "/rss.xml") onto a normalised base path. */
export function joinBase(base: string, path: string): string {
  const rest = path.replace(/^\/+/, '');
  return `${base.endsWith('/') ? base : `${base}/`}${rest}`;
}

/** Turns a site-relative path into an absolute URL on the given origin and base path. */
export function absoluteUrl(origin: string, base: string, path: string): string {
  return new URL(joinBase(base, path), origin).href;
}
