/**
 * A fake Mastodon instance on 127.0.0.1 for `npm run replies`: the client API's
 * `GET /api/v1/statuses/:id` and `/context` in their documented shapes, for the fixture toots,
 * and on request the ways a real instance fails (404, 410, 429, 500, no answer, broken JSON).
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  HOSTILE_DESCENDANTS,
  HOSTILE_TOOT,
  MANY_TOOT,
  manyDescendants,
  rootStatus,
} from '../../scripts/replies-fixtures.ts';

/** How the instance answers for one toot. */
export type Behaviour = 'ok' | 404 | 410 | 429 | 500 | 'timeout' | 'broken-json';

/** The running fake instance. */
export interface FakeInstance {
  /** http://127.0.0.1:<port>, for FEDIVERSE_API. */
  readonly origin: string;
  /** Paths requested, in order. */
  readonly requests: string[];
  /** How it answers for a toot id from now on (default "ok"). */
  behave(tootId: string, behaviour: Behaviour): void;
  /** Descendants it serves for a toot id (default: the fixtures'). */
  serve(tootId: string, descendants: readonly unknown[]): void;
  close(): Promise<void>;
}

const STATUS_TEXT = new Map([
  [404, 'Not Found'],
  [410, 'Gone'],
  [429, 'Too Many Requests'],
  [500, 'Internal Server Error'],
]);

/** Starts the fake instance. */
export async function fakeInstance(): Promise<FakeInstance> {
  const toots = new Map([
    [
      HOSTILE_TOOT.id,
      { toot: HOSTILE_TOOT, descendants: HOSTILE_DESCENDANTS as readonly unknown[] },
    ],
    [MANY_TOOT.id, { toot: MANY_TOOT, descendants: manyDescendants() as readonly unknown[] }],
  ]);
  const behaviours = new Map<string, Behaviour>();
  const requests: string[] = [];
  const json = (res: ServerResponse, status: number, body: unknown) =>
    res
      .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
      .end(JSON.stringify(body));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const m = /^\/api\/v1\/statuses\/([^/]+)(\/context)?$/.exec(path);
    const known = m?.[1] ? toots.get(m[1]) : undefined;
    if (!m?.[1] || !known) return json(res, 404, { error: 'Record not found' });
    const behaviour = behaviours.get(m[1]) ?? 'ok';
    if (behaviour === 'timeout') return; // never answers
    if (typeof behaviour === 'number') {
      res.statusMessage = STATUS_TEXT.get(behaviour) ?? '';
      if (behaviour === 429) res.setHeader('Retry-After', '300');
      return json(res, behaviour, { error: res.statusMessage });
    }
    if (behaviour === 'broken-json' && m[2]) {
      return res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end('{"ancestors": [], "descendants": [{"id": "1"');
    }
    if (m[2]) return json(res, 200, { ancestors: [], descendants: known.descendants });
    return json(res, 200, rootStatus(known.toot));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    behave: (id, b) => behaviours.set(id, b),
    serve: (id, descendants) => {
      const known = toots.get(id);
      if (!known) throw new Error(`the fake instance has no toot ${id}`);
      toots.set(id, { ...known, descendants });
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
