// Line breaks and tabs inside a title or description (YAML block scalars, a pasted NEL) are spacing.
const SPACING = /[\t\n\v\f\r\u0085\u2028\u2029 ]+/g;

// C0 and C1 controls other than the spacing above, DEL, unpaired surrogates and the noncharacters
// U+FFFE/U+FFFF (in /u mode a surrogate range matches only unpaired halves): XML cannot carry
// them, pages and cards draw them as boxes or line breaks.
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/u;

// Bidirectional embeddings, overrides and isolates: "Invoice \u202Efdp.exe" reads reversed on the page
// and in <title>, runs on into the site name after it, and reaches feeds and search as it is. The
// marks U+200E/U+200F (which reorder nothing beyond themselves) stay allowed.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

// Characters that draw nothing: zero-width and other default-ignorable code points, and the blank
// Braille pattern, which fonts draw as an empty cell.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** A character's code point as messages write it: "🚀" → "U+1F680", "\t" → "U+0009". */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Turns every run of spacing (tabs, line breaks, NEL, spaces) into one space, and trims. */
export function collapseSpacing(text: string): string {
  return text.replace(SPACING, ' ').trim();
}

/**
 * Why a title or description cannot be shown, or undefined when it can: it must contain no control
 * character and, once spacing and zero-width characters are set aside, still have something to read.
 */
export function textProblem(text: string): string | undefined {
  const bad = FORBIDDEN.exec(text);
  if (bad) return `contains the control character ${codePointLabel(bad[0])}; remove it`;
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) {
    return `contains the bidirectional control character ${codePointLabel(bidi[0])}, which reverses or reorders the text around it; remove it (U+200E and U+200F marks are allowed)`;
  }
  if (!/[\p{L}\p{N}\p{P}\p{S}]/u.test(text.replace(INVISIBLE, ''))) {
    return 'has no visible text (only spaces, zero-width or invisible characters)';
  }
  return undefined;
}
