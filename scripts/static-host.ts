/**
 * What a static host sends for the site's files, written once for every server the project runs:
 * `npm run preview` (scripts/preview.ts), Lighthouse's gzip server and the tests' server.
 */

/** Content types by file extension; `_headers` overrides them where it names a type (feeds). */
export const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.json', 'application/json'],
  ['.xml', 'application/xml'],
  ['.xsl', 'text/xsl'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.woff2', 'font/woff2'],
  ['.wasm', 'application/wasm'],
]);

/** The content type of a file by its extension (".html"), or a generic binary type. */
export function contentType(extension: string): string {
  return CONTENT_TYPES.get(extension) ?? 'application/octet-stream';
}

/** Whether a host compresses files of this extension: text, JSON, XML and SVG. */
export function compressible(extension: string): boolean {
  return /^(text\/|application\/(json|xml)|image\/svg)/.test(CONTENT_TYPES.get(extension) ?? '');
}
