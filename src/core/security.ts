/** Where a policy is delivered: a `<meta>` tag ignores some directives that only an HTTP header can carry. */
export type PolicyTarget = 'meta' | 'header';

/** What a page needs beyond the site-wide defaults. */
export interface PolicyOptions {
  /** The page compiles WebAssembly (Pagefind's search engine on the search page). */
  readonly wasm?: boolean;
  /**
   * https origins of fediverse instances the page may fetch replies from and send a reply form
   * to (the instances its posts name); nothing else is added.
   */
  readonly instances?: readonly string[];
}

/**
 * The site's Content-Security-Policy directives, in a fixed order.
 * Scripts only from this origin, never inline; styles may be inline because Shiki colours code
 * with `style` attributes and Astro inlines small stylesheets into `<style>` elements, and the feed
 * stylesheet (feed.xsl) writes a `<style>` into the page it renders.
 */
export function cspDirectives(target: PolicyTarget, options: PolicyOptions = {}): string[][] {
  const wasm = options.wasm === true || target === 'header';
  const instances = options.instances ?? [];
  const directives = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...(wasm ? ["'wasm-unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...instances],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'", ...instances],
  ];
  // Browsers ignore frame-ancestors in a <meta> policy and warn about it on the console.
  if (target === 'header') directives.push(['frame-ancestors', "'none'"]);
  return directives;
}

/** The Content-Security-Policy as one header or `<meta content>` value. */
export function contentSecurityPolicy(target: PolicyTarget, options: PolicyOptions = {}): string {
  return cspDirectives(target, options)
    .map((d) => d.join(' '))
    .join('; ');
}

/** One block of a `_headers` file: a path pattern and the headers sent for it. */
export interface HeaderRule {
  readonly pattern: string;
  readonly headers: readonly (readonly [name: string, value: string])[];
}

/**
 * The `_headers` rules (Netlify and Cloudflare Pages format) for a build under `base`.
 * The header policy is the site-wide ceiling and allows WebAssembly for the search page; each
 * page's `<meta>` policy is enforced as well, so pages other than search stay without it, and
 * pages other than the post naming an instance stay without that instance.
 */
export function headerRules(
  base: string,
  options: Pick<PolicyOptions, 'instances'> = {},
): HeaderRule[] {
  if (!base.startsWith('/') || !base.endsWith('/')) {
    throw new Error(
      `base must start and end with "/", e.g. "/" or "/blog/"; got ${JSON.stringify(base)}`,
    );
  }
  return [
    {
      // Only the blog's own paths: under a sub-path the rest of the host may be another site.
      pattern: `${base}*`,
      headers: [
        ['Content-Security-Policy', contentSecurityPolicy('header', options)],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ],
    },
    {
      // Vite puts a content hash in every file name here, so a changed file gets a new URL.
      pattern: `${base}_assets/*`,
      headers: [['Cache-Control', 'public, max-age=31536000, immutable']],
    },
  ];
}

/** Renders rules as a `_headers` file. */
export function renderHeaders(rules: readonly HeaderRule[]): string {
  return rules
    .map((r) => `${r.pattern}\n${r.headers.map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`)
    .join('\n');
}

/** Parses a `_headers` file back into rules; throws on a line it does not understand. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!m?.[1] || m[2] === undefined || !rule) {
      throw new Error(
        `_headers line ${i + 1}: expected "  Name: value" under a path; got ${JSON.stringify(line)}`,
      );
    }
    rule.headers.push([m[1], m[2]]);
  }
  return rules;
}

/** Whether a `_headers` path pattern (with `*` as a splat) matches a URL path. */
export function patternMatches(pattern: string, path: string): boolean {
  const re = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${re}$`).test(path);
}

/** The headers every matching rule sends for a URL path, in file order. */
export function headersFor(rules: readonly HeaderRule[], path: string): [string, string][] {
  return rules
    .filter((r) => patternMatches(r.pattern, path))
    .flatMap((r) => r.headers.map(([k, v]) => [k, v] as [string, string]));
}
