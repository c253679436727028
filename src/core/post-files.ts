/** The extension of a post file. */
export const POST_EXTENSION = '.mdx';

/**
 * A lower-case kebab-case slug for a title or file name, in any script: Latin letters lose their
 * accents ("Łódź’s café & bar!" → "lodzs-cafe-bar"), other scripts are kept ("Привет мир" →
 * "привет-мир"); everything but letters, marks and digits separates words. Empty when none remain.
 */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      // Only Latin letters are folded to ASCII; marks carry meaning in Devanagari, kana and others.
      .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
      .replace(/[łŁ]/g, 'l')
      .replace(/[øØ]/g, 'o')
      .replace(/ß/g, 'ss')
      .normalize('NFC')
      // Again: compatibility forms can decompose to capitals ("ℌ" → "H").
      .toLowerCase()
      // An apostrophe joins a word ("what's" → "whats"), it does not split it.
      .replace(/['’‘`]/g, '')
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
  );
}

/** The URL id of a post file given relative to the posts folder: "First Post.mdx" → "first-post". */
export function postIdOf(file: string): string {
  return slugify(file.slice(0, file.length - POST_EXTENSION.length));
}

/** A file name with every character outside printable ASCII written as its code point: "caf<U+00E9>.mdx". */
function codePoints(name: string): string {
  return [...name]
    .map((c) =>
      /^[\x21-\x7e]$/.test(c)
        ? c
        : `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`,
    )
    .join('');
}

/**
 * When names of one URL look alike on screen (the same letters once normalised, such as "café"
 * typed precomposed and decomposed), the names with their code points, so the author can tell them apart.
 */
function spelledOut(shown: readonly string[], postsDir: string): string {
  const names = shown.map((s) => s.slice(postsDir.length + 1));
  const looks = new Set(names.map((n) => n.normalize('NFKC')));
  if (looks.size === names.length) return '';
  return ` (the names look the same but are written differently: ${names.map(codePoints).join(' and ')})`;
}

/**
 * Everything wrong with a set of post files (paths relative to the posts folder, "/"-separated):
 * a post in a subfolder, a name with nothing to make a URL of, or two files that would share one
 * URL. Each problem is one message naming the files; an empty list means every post gets its URL.
 */
export function postFileProblems(files: readonly string[], postsDir: string): string[] {
  const problems: string[] = [];
  const byId = new Map<string, string[]>();
  for (const file of [...files].sort()) {
    const shown = `${postsDir}/${file}`;
    if (file.includes('/')) {
      problems.push(
        `${shown}: a post must sit directly in ${postsDir}/, not in a subfolder (its URL is /posts/<file name>/); move it up`,
      );
      continue;
    }
    const id = postIdOf(file);
    if (id === '') {
      problems.push(`${shown}: the file name has no letter or digit to make the post's URL from`);
      continue;
    }
    byId.set(id, [...(byId.get(id) ?? []), shown]);
  }
  for (const [id, same] of byId) {
    if (same.length > 1) {
      problems.push(
        `${same.join(' and ')} would both be published at /posts/${id}/; rename all but one${spelledOut(same, postsDir)}`,
      );
    }
  }
  return problems;
}
