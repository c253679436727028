/**
 * `npm run preview`: serves a build as Netlify and Cloudflare Pages do, with its `_headers` applied
 * (security headers, cache lifetimes, each feed's media type), under the base path the build was
 * made for. Astro's own preview guesses types from file extensions, so feeds there would not be
 * served as they are in production.
 *
 *   npm run preview                        # dist/ at http://localhost:4321/<base>
 *   npm run preview -- --dir=dist-blog --port=8080
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { type HeaderRule, headersFor, parseHeaders } from '../src/core/security.ts';
import { contentType } from './static-host.ts';

/** The base path a build was made for, read from its `_headers` (its first rule is `<base>*`). */
export function buildBase(rules: readonly HeaderRule[]): string {
  const first = rules[0]?.pattern ?? '';
  if (!first.startsWith('/') || !first.endsWith('/*')) {
    throw new Error(`_headers must start with the rule "<base>*" (e.g. "/*"); got ${first}`);
  }
  return first.slice(0, -1);
}

/** The file a URL path names in the build, or undefined; a folder path needs its trailing slash. */
function fileOf(dir: string, base: string, path: string): string | undefined {
  if (!path.startsWith(base)) return undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(path.slice(base.length));
  } catch {
    return undefined;
  }
  if (rel.split('/').includes('..')) return undefined;
  const full = join(dir, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
  return existsSync(full) && statSync(full).isFile() ? full : undefined;
}

/** Starts serving the build in `dir` on 127.0.0.1 (`port` 0: any free port); resolves with its URL. */
export async function preview(
  dir: string,
  port: number,
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const rules = parseHeaders(readFileSync(join(dir, '_headers'), 'utf8'));
  const base = buildBase(rules);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (status: number, file: string | undefined, extra: Record<string, string> = {}) => {
      res.statusCode = status;
      if (file) res.setHeader('Content-Type', contentType(extname(file)));
      for (const [k, v] of headersFor(rules, path)) res.setHeader(k, v);
      for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
      if (file && req.method !== 'HEAD') createReadStream(file).pipe(res);
      else res.end();
    };
    const file = fileOf(dir, base, path);
    if (file) return send(200, file);
    if (!path.endsWith('/') && fileOf(dir, base, `${path}/`)) {
      return send(301, undefined, { Location: `${path}/` });
    }
    const notFound = join(dir, '404.html');
    return send(404, existsSync(notFound) ? notFound : undefined);
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}${base}`,
    server,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

if (import.meta.main) {
  const arg = (name: string) =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const dir = resolve(arg('dir') ?? process.env.OUT_DIR ?? 'dist');
  if (!existsSync(join(dir, '_headers'))) {
    console.error(`${dir} holds no build (no _headers): run "npm run build" first`);
    process.exit(1);
  }
  const { url } = await preview(dir, Number(arg('port') ?? 4321));
  console.log(`serving ${dir} at ${url.replace('127.0.0.1', 'localhost')} (Ctrl-C stops)`);
}
