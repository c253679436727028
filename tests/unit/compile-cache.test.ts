import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MDX_PLUGIN,
  mdxCompileCache,
  setupFingerprint,
} from '../../src/build/markdown/compile-cache.ts';

/** A stand-in for the MDX plugin: counts compilations, returns what Astro's returns (code and meta). */
function fakeMdx() {
  const calls: string[] = [];
  const plugin = {
    name: MDX_PLUGIN,
    transform: {
      handler: async (code: string, id: string) => {
        calls.push(id);
        return { code: `compiled(${code})`, map: null, meta: { astro: { propagation: 'none' } } };
      },
    },
  };
  return { plugin, calls };
}

function cached(dir: string, fingerprint: string) {
  const mdx = fakeMdx();
  mdxCompileCache(dir, fingerprint).configResolved({ plugins: [{ name: 'other' }, mdx.plugin] });
  return { ...mdx, compile: (code: string, id: string) => mdx.plugin.transform.handler(code, id) };
}

describe('compiled-MDX cache', () => {
  it('compiles a post once; a later build with the same set-up reads the result back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mdx-cache-'));
    const first = cached(dir, 'setup-a');
    const result = await first.compile('# Hi', '/p/a.mdx');
    const second = cached(dir, 'setup-a');
    expect(await second.compile('# Hi', '/p/a.mdx')).toEqual(result);
    expect([first.calls, second.calls]).toEqual([['/p/a.mdx'], []]);
  });
  it.each([
    ['the source', '# Changed', '/p/a.mdx', 'setup-a'],
    ['the path', '# Hi', '/p/b.mdx', 'setup-a'],
    ['the set-up', '# Hi', '/p/a.mdx', 'setup-b'],
  ])('compiles again when %s changes', async (_what, code, id, setup) => {
    const dir = mkdtempSync(join(tmpdir(), 'mdx-cache-'));
    await cached(dir, 'setup-a').compile('# Hi', '/p/a.mdx');
    const again = cached(dir, setup);
    expect(await again.compile(code, id)).toEqual({
      code: `compiled(${code})`,
      map: null,
      meta: { astro: { propagation: 'none' } },
    });
    expect(again.calls).toEqual([id]);
  });
  it('fingerprints the config, the lock file and the Markdown plugins', () => {
    const root = mkdtempSync(join(tmpdir(), 'mdx-root-'));
    mkdirSync(join(root, 'src/core/markdown'), { recursive: true });
    writeFileSync(join(root, 'astro.config.mjs'), 'a');
    const before = setupFingerprint(root);
    writeFileSync(join(root, 'src/core/markdown/plugin.ts'), 'b');
    const withPlugin = setupFingerprint(root);
    writeFileSync(join(root, 'package-lock.json'), 'c');
    expect(new Set([before, withPlugin, setupFingerprint(root)]).size).toBe(3);
  });
  it('fails loudly if the MDX plugin is not there to wrap', () => {
    expect(() => mdxCompileCache('/tmp/x', 'f').configResolved({ plugins: [] })).toThrow(
      MDX_PLUGIN,
    );
  });
});
