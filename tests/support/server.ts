import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { contentType } from '../../scripts/static-host.ts';
import { fileFor } from './site.ts';

/** A static host for a build under its base path, like any plain web server would be. */
export interface StaticSite {
  /** Origin plus base, e.g. http://127.0.0.1:41234/blog/. */
  readonly url: string;
  /** Paths requested that got a 404. */
  readonly missing: string[];
  close(): Promise<void>;
}

/** Serves a build folder on 127.0.0.1 under the base path, with 404.html for unknown paths. */
export async function serve(dir: string, base: string): Promise<StaticSite> {
  const missing: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === base.slice(0, -1)) {
      res.writeHead(301, { Location: base }).end();
      return;
    }
    const file = fileFor(dir, base, path);
    if (file) {
      res.writeHead(200, {
        'Content-Type': contentType(extname(file)),
        'Content-Length': statSync(file).size,
      });
      createReadStream(file).pipe(res);
      return;
    }
    missing.push(path);
    const notFound = join(dir, '404.html');
    res.writeHead(404, { 'Content-Type': contentType('.html') });
    if (existsSync(notFound)) createReadStream(notFound).pipe(res);
    else res.end('not found');
  });
  // Node closes an idle keep-alive connection after 5 s; a client reusing it at that moment gets
  // ECONNRESET (seen with Playwright's route.fetch on a loaded machine). Tests keep them longer.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    missing,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeIdleConnections();
      }),
  };
}
