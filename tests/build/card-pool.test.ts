// The social-card worker pool, with real worker threads: a worker that dies mid-build is replaced
// and its cards drawn again; a card that keeps killing workers fails alone (issue 25, item 10).
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { cardPool } from '../../src/build/og/card-pool.ts';
import { fontFile } from '../../src/build/og/font-files.ts';
import type { CardFont } from '../../src/build/og/render.ts';

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
