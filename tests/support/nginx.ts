import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireTool } from './peers.ts';
import { freePort, ROOT } from './site.ts';

/** The two nginx blocks of the README's "nginx or any other web server" section: headers snippet, server. */
export function readmeNginx(): { snippet: string; server: string } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('### nginx or any other web server');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const blocks = [...section.matchAll(/```nginx\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const snippet = blocks.find((b) => b.includes('snippets/blog-headers.conf:'));
  const server = blocks.find((b) => b.trimStart().startsWith('server {'));
  if (start < 0 || !snippet || !server) {
    throw new Error(
      'README.md: the section "### nginx or any other web server" must hold two ```nginx blocks, the headers snippet (its first line names snippets/blog-headers.conf) and the server block',
    );
  }
  return { snippet, server };
}

/** A site nginx serves: a build folder and the base path it was built for. */
export interface NginxSite {
  readonly dir: string;
  readonly base: '/' | '/blog/';
  /**
   * The policy to put in the snippet instead of the README's, as the README says to copy it from
   * the build's _headers (it differs when a post names a fediverse instance); the README's as is
   * when absent, so its copy is checked against the real builds.
   */
  readonly policy?: string | undefined;
}

/** Running nginx: the URL (origin plus base) of each site, in the order given. */
export interface RunningNginx {
  readonly urls: string[];
  close(): Promise<void>;
}

/** Replaces `from` once in the README's server block, failing when the README no longer has it. */
function substitute(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`README.md's nginx server block has no "${from}"`);
  return text.replaceAll(from, to);
}

/**
 * Starts Debian's nginx on loopback ports with the README's configuration, one server block per
 * site: only the `root` and a `listen` line differ, and at the domain root `/blog/` becomes `/` as
 * the README says.
 */
export async function startNginx(sites: readonly NginxSite[]): Promise<RunningNginx> {
  requireTool('/usr/sbin/nginx');
  const { snippet, server } = readmeNginx();
  const tmp = mkdtempSync(join(tmpdir(), 'nginx-'));
  mkdirSync(join(tmp, 'snippets'));
  writeFileSync(join(tmp, 'snippets/blog-headers.conf'), snippet);
  const ports: number[] = [];
  const includes: string[] = [];
  for (const [i, site] of sites.entries()) {
    const port = await freePort();
    ports.push(port);
    let root = site.dir;
    let block = server;
    if (site.base === '/blog/') {
      root = join(tmp, `www-${i}`);
      mkdirSync(root);
      symlinkSync(site.dir, join(root, 'blog'));
    } else block = substitute(block, '/blog/', '/');
    block = substitute(block, 'root /var/www/example.org;', `root ${root};`);
    if (site.policy !== undefined) {
      const own = snippet.replace(
        /(add_header Content-Security-Policy ")[^"]*"/,
        (_m, head: string) => `${head}${site.policy}"`,
      );
      writeFileSync(join(tmp, `snippets/blog-headers-${i}.conf`), own);
      block = substitute(
        block,
        'include snippets/blog-headers.conf;',
        `include snippets/blog-headers-${i}.conf;`,
      );
    }
    block = substitute(block, 'server {', `server {\n    listen 127.0.0.1:${port};`);
    writeFileSync(join(tmp, `site-${i}.conf`), block);
    includes.push(`    include site-${i}.conf;`);
  }
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `    ${t}_temp_path ${join(tmp, t)};`)
    .join('\n');
  writeFileSync(
    join(tmp, 'nginx.conf'),
    [
      // As root, nginx would hand the files to www-data, which may not read the worktree.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(tmp, 'nginx.pid')};`,
      `error_log ${join(tmp, 'error.log')};`,
      'events { worker_connections 64; }',
      'http {',
      // Debian's /etc/nginx/nginx.conf starts its http block the same way.
      '    include /etc/nginx/mime.types;',
      '    default_type application/octet-stream;',
      '    access_log off;',
      temp,
      ...includes,
      '}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(
    '/usr/sbin/nginx',
    ['-p', `${tmp}/`, '-e', join(tmp, 'error.log'), '-c', join(tmp, 'nginx.conf')],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  let exited = false;
  child.on('exit', () => (exited = true));
  const urls = sites.map((s, i) => `http://127.0.0.1:${ports[i]}${s.base}`);
  const deadline = Date.now() + 20_000;
  for (const url of urls) {
    for (;;) {
      if (exited) {
        const log = (() => {
          try {
            return readFileSync(join(tmp, 'error.log'), 'utf8');
          } catch {
            return '';
          }
        })();
        throw new Error(`nginx exited at start:\n${stderr}${log}`);
      }
      const ok = await fetch(url).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`nginx did not answer at ${url}:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    urls,
    close: async () => {
      if (!exited) {
        const gone = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
