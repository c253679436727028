// The social-card worker pool, with real worker threads: a worker that dies mid-build is replaced
// and its cards drawn again; a card that keeps killing workers fails alone (issue 25, item 10).
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { cardPool } from '../../src/build/og/card-pool.ts';
import { fontFile } from '../../src/build/og/font-files.ts';
import type { CardFont } from '../../src/build/og/render.ts';
import { runAstro } from '../support/site.ts';

const ROOT = join(import.meta.dirname, '../..');
const inter = (weight: 400 | 700): CardFont => {
  const file = join(ROOT, `node_modules/@fontsource/inter/files/inter-latin-${weight}-normal.woff`);
  return { weight, file, data: fontFile(file) };
};
const FONTS = [inter(400), inter(700)];
const card = (title: string) => ({ title, date: new Date('2021-06-06'), siteName: 'Test' });
const PNG = [0x89, 0x50, 0x4e, 0x47];

describe('cardPool', () => {
  it('replaces a worker killed mid-build and still draws every card', async () => {
    const started: Worker[] = [];
    const pool = cardPool(join(ROOT, 'src/build/og/card-worker.ts'), 1, (w) => started.push(w));
    const cards = ['One', 'Two', 'Three'].map((t) => pool.render(card(t), FONTS));
    await started[0]?.terminate();
    const pngs = await Promise.all(cards);
    for (const png of pngs) expect([...png.slice(0, 4)]).toEqual(PNG);
    expect(started).toHaveLength(2);
  });

  it('fails the card that kills its workers, and goes on drawing the others', async () => {
    const pool = cardPool(join(import.meta.dirname, 'fixtures/dying-card-worker.ts'), 2);
    const good = pool.render(card('A good card'), FONTS);
    await expect(pool.render(card('kills its worker'), FONTS)).rejects.toThrow(
      /card worker died 2 times drawing it \(last: exit code 3\)/,
    );
    expect([...(await good).slice(0, 4)]).toEqual(PNG);
    expect([...(await pool.render(card('After it'), FONTS)).slice(0, 4)]).toEqual(PNG);
  });
});

describe('a build with a card that cannot be drawn', () => {
  it('fails, naming the post file and why, and does not hang', () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-build-'));
    const posts = join(dir, 'posts');
    mkdirSync(posts);
    const post = (title: string) =>
      `---\ntitle: ${title}\ndescription: A card test.\npubDate: 2021-05-01\ntags: [kde]\n---\n\nHello.\n`;
    writeFileSync(join(posts, 'fine.mdx'), post('A fine card'));
    writeFileSync(join(posts, 'kills.mdx'), post('kills its worker'));
    const env = {
      POSTS_DIR: posts,
      OUT_DIR: join(dir, 'dist'),
      ASTRO_CACHE_DIR: join(dir, 'cache'),
    };
    // In the build's copy of the project, the card worker dies on that one card, as a crash in
    // native code would; every other card is drawn by the real worker.
    const { status, output } = runAstro(['build'], env, 180_000, (root) => {
      const worker = join(root, 'src/build/og/card-worker.ts');
      renameSync(worker, join(root, 'src/build/og/real-card-worker.ts'));
      const dying = readFileSync(
        join(import.meta.dirname, 'fixtures/dying-card-worker.ts'),
        'utf8',
      );
      const real = '../../../src/build/og/card-worker.ts';
      if (!dying.includes(real)) throw new Error(`the dying worker no longer imports ${real}`);
      writeFileSync(worker, dying.replace(real, './real-card-worker.ts'));
    });
    expect(status, output).not.toBe(0);
    expect(output).toMatch(
      /kills\.mdx: the social card of "kills its worker" could not be drawn: its card worker died 2 times drawing it \(last: exit code 3\)/,
    );
  });
});
