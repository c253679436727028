/**
 * The project's one HTML escaper, for every string that ends up in markup: widget views (build time
 * and browser), feed bodies and titles, the sitemap. Named entities for the five characters that
 * can end text or a quoted attribute, so the output is valid in HTML and in XML alike.
 */

const ENTITIES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
]);

/** Escapes text for HTML or XML element content and single- or double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES.get(c) ?? c);
}

/** An attribute value: a string (escaped), `true` (bare attribute), or false/undefined (left out). */
export type AttributeValue = string | number | boolean | undefined;

/**
 * Attributes as HTML, each preceded by a space, in the given order: `{ id: 'a', hidden: true,
 * list: undefined }` gives ` id="a" hidden`. Names are written as given, so they must be fixed
 * names from the code, never user text.
 */
export function attributes(attrs: Readonly<Record<string, AttributeValue>>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}
