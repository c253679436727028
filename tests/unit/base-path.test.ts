import { describe, expect, it } from 'vitest';
import { normaliseBase } from '../../src/core/paths.ts';

// Astro 7.3.5 encodes a non-ASCII base twice in image URLs, so such bases are refused at start.
describe('normaliseBase refuses base paths that would need URL encoding', () => {
  it.each([
    ['/blög/', 'ö'],
    ['/bl%C3%B6g/', '%'],
    ['/日本/', '日'],
    ['/a+b/', '+'],
    ['/a@b/', '@'],
    ["/it's/", "'"],
  ])('%j, naming %j and what is allowed', (base, char) => {
    expect(() => normaliseBase(base)).toThrow(
      `BASE_PATH may contain only ASCII letters, digits, "-", ".", "_", "~" and "/"; got ${JSON.stringify(base)}, which contains ${JSON.stringify(char)}`,
    );
  });

  it.each(['/../', '/blog/./x/'])('%j, a dot segment', (base) => {
    expect(() => normaliseBase(base)).toThrow('BASE_PATH must not contain "." or ".." segments');
  });

  it.each([
    ['/my-blog_2.0~x/', '/my-blog_2.0~x/'],
    ['Blog', '/Blog/'],
  ])('but accepts %j as %j', (base, out) => {
    expect(normaliseBase(base)).toBe(out);
  });
});
