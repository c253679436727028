import { describe, expect, it } from 'vitest';
import { copiedRuns, proseOf, sharedRuns, wordsOf } from '../../src/core/retelling.ts';

const SOURCE =
  'Every 5.004 seconds, the kernel counts how many threads are runnable or blocked and calculates the load average.';

const post = (body: string) => `---\ntitle: T\n---\n\nimport X from './x.astro';\n\n${body}\n`;

describe('copiedRuns', () => {
  it.each([
    [
      'a copied run of 8 words',
      'We saw that the kernel counts how many threads are runnable or blocked, twice.',
      [
        'the kernel counts how many threads are runnable',
        'kernel counts how many threads are runnable or',
        'counts how many threads are runnable or blocked',
      ],
    ],
    ['7 words in a row are allowed', 'So the kernel counts how many threads are, roughly.', []],
    [
      'numbers keep their dot',
      'It happens every 5.004 seconds, the kernel counts how many.',
      ['every 5.004 seconds the kernel counts how many'],
    ],
    [
      'a number split at its dot is another word',
      'Every 5 004 seconds the kernel counts how many.',
      [],
    ],
  ])('%s', (_name, body, runs) => {
    expect(copiedRuns(post(body), SOURCE).slice(0, 3)).toEqual(runs);
  });

  it.each([
    ['a code block', '```text\nthe kernel counts how many threads are runnable or blocked\n```'],
    [
      'a link target',
      '[x](https://e.org/the-kernel-counts-how-many-threads-are-runnable-or-blocked)',
    ],
    ['an MDX tag', '<Widget label="the kernel counts how many threads are runnable" />'],
  ])('ignores words in %s', (_name, body) => {
    expect(copiedRuns(post(body), SOURCE)).toEqual([]);
  });

  it('lets a cited title keep its words', () => {
    const rule = { runLength: 8, citedTitles: ['the kernel counts how many threads are runnable'] };
    expect(
      copiedRuns(post('Read “The kernel counts how many threads are runnable”.'), SOURCE, rule),
    ).toEqual([]);
  });
});

describe('the pieces', () => {
  it('proseOf drops frontmatter and imports', () => {
    expect(proseOf(post('Hello.')).trim()).toBe('Hello.');
  });

  it('wordsOf joins apostrophes and trims dots', () => {
    expect(wordsOf("It's 5.004 s. Done.")).toEqual(['its', '5.004', 's', 'done']);
  });

  it('sharedRuns rejects a run length that is not a whole number ≥ 1', () => {
    expect(() => sharedRuns(['a'], ['a'], 0)).toThrow(
      /run length must be a whole number ≥ 1, got 0/,
    );
  });
});
