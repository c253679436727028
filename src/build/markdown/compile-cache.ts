/**
 * A persistent cache of compiled MDX, so a rebuild compiles only the posts that changed. Astro
 * keeps the content layer between builds but compiles every post's MDX again (with highlighting
 * and every remark and rehype pass), the largest phase of a build. This Vite plugin wraps the MDX
 * plugin's transform: the result for a given source, path and set-up is read from disk if a
 * previous build stored it. The set-up fingerprint covers the config, the installed packages
 * (package-lock.json) and our own Markdown plugins, so changing any of them compiles afresh.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The name of the MDX integration's Vite plugin whose transform is cached. */
export const MDX_PLUGIN = '@mdx-js/rolldown';

/** Our own Markdown plugins: the pure passes and this cache. */
const MARKDOWN_DIRS = ['src/core/markdown', 'src/build/markdown'];

/** A digest of every file that decides how MDX compiles, besides the post itself. */
export function setupFingerprint(root: string): string {
  const h = createHash('sha256').update('mdx-cache-1');
  const files = [
    'astro.config.mjs',
    'package-lock.json',
    ...MARKDOWN_DIRS.flatMap((d) =>
      existsSync(join(root, d)) ? readdirSync(join(root, d)).map((f) => `${d}/${f}`) : [],
    ),
  ];
  for (const f of files.sort()) {
    const path = join(root, f);
    h.update(`|${f}|`).update(existsSync(path) ? readFileSync(path) : '');
  }
  return h.digest('hex');
}

type Handler = (this: unknown, code: string, id: string) => Promise<unknown>;
interface TransformHook {
  handler: Handler;
}
interface NamedPlugin {
  name: string;
  transform?: TransformHook | Handler;
}

/** The Vite plugin: caches the MDX plugin's transform results in `dir`, keyed by content. */
export function mdxCompileCache(dir: string, fingerprint: string) {
  return {
    name: 'mdx-compile-cache',
    configResolved(config: { plugins: readonly NamedPlugin[] }) {
      const mdx = config.plugins.find((p) => p.name === MDX_PLUGIN);
      const hook = mdx?.transform;
      if (!mdx || !hook || typeof hook === 'function') {
        throw new Error(
          `mdx-compile-cache: the ${MDX_PLUGIN} plugin or its transform hook changed shape`,
        );
      }
      const compile = hook.handler;
      hook.handler = async function (this: unknown, code: string, id: string) {
        const key = createHash('sha256').update(fingerprint).update(id).update('\0').update(code);
        const file = join(dir, `${key.digest('hex')}.json`);
        try {
          return JSON.parse(await readFile(file, 'utf8'));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        }
        const result = await compile.call(this, code, id);
        await mkdir(dir, { recursive: true });
        // Write then rename, so a build running in parallel never reads a half-written entry.
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify(result));
        await rename(tmp, file);
        return result;
      };
    },
  };
}
