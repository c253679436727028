// Checks that a post retells its source text in its own words: facts, commands and config lines
// carry over, sentences do not. Only the prose is compared; code blocks, link targets, imports and
// MDX tags are what a retelling keeps verbatim on purpose.

/** The prose of an MDX post: no frontmatter, imports, code blocks, link targets or MDX tags. */
export function proseOf(mdx: string): string {
  return mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^```[\s\S]*?^```/gm, ' ')
    .replace(/^import .*$/gm, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<[^>]+>/g, ' ');
}

/** Lower-case words; apostrophes join a word, dots inside a number stay ("5.004"). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter(Boolean);
}

/** Every run of `n` consecutive words that both word lists contain, in the order met in `a`. */
export function sharedRuns(a: readonly string[], b: readonly string[], n: number): string[] {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`run length must be a whole number ≥ 1, got ${n}`);
  const grams = new Set<string>();
  for (let i = 0; i + n <= b.length; i++) grams.add(b.slice(i, i + n).join(' '));
  const out = new Set<string>();
  for (let i = 0; i + n <= a.length; i++) {
    const g = a.slice(i, i + n).join(' ');
    if (grams.has(g)) out.add(g);
  }
  return [...out];
}

/** Options of copiedRuns. */
export interface RetellingOptions {
  /** Shortest run of shared words that counts as copying. */
  readonly runLength: number;
  /** Titles of cited work, which keep their own words (lower case). */
  readonly citedTitles: readonly string[];
}

/** The default rule: 8 words in a row, cited titles excepted. */
export const RETELLING_RULE: RetellingOptions = {
  runLength: 8,
  citedTitles: ['capturing and decrypting https traffic from ios apps using frida'],
};

/** The runs of words a post's prose copies from the source text. */
export function copiedRuns(
  mdx: string,
  source: string,
  options: RetellingOptions = RETELLING_RULE,
): string[] {
  let text = proseOf(mdx).toLowerCase();
  for (const title of options.citedTitles) text = text.replaceAll(title, ' ');
  return sharedRuns(wordsOf(text), wordsOf(source), options.runLength);
}
