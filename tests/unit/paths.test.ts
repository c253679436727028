import { describe, expect, it } from 'vitest';
import { absoluteUrl, joinBase, normaliseBase, normaliseSiteUrl } from '../../src/core/paths.ts';

describe('normaliseBase', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['blog', '/blog/'],
    ['/blog', '/blog/'],
    ['/blog/', '/blog/'],
    ['//a//b/', '/a/b/'],
  ])('%j -> %j', (input, out) => {
    expect(normaliseBase(input)).toBe(out);
  });
  it.each(['https://x.org/blog/', '/blog?x=1', '/blog#top', '/my blog/'])('rejects %j', (input) => {
    expect(() => normaliseBase(input)).toThrow(/BASE_PATH must be a path/);
  });
});

describe('normaliseSiteUrl', () => {
  it('keeps the origin', () => {
    expect(normaliseSiteUrl('https://blog.example.org/')).toBe('https://blog.example.org');
  });
  it.each([
    ['not a url', /absolute URL/],
    ['ftp://x.org', /http or https/],
    ['https://x.org/blog/', /BASE_PATH/],
  ])('rejects %j', (input, message) => {
    expect(() => normaliseSiteUrl(input)).toThrow(message);
  });
});

describe('joinBase and absoluteUrl', () => {
  it.each([
    ['/', '', '/'],
    ['/', 'posts/x/', '/posts/x/'],
    ['/blog/', '/rss.xml', '/blog/rss.xml'],
    ['/blog/', 'tags/kde/', '/blog/tags/kde/'],
  ])('joinBase(%j, %j) = %j', (base, path, out) => {
    expect(joinBase(base, path)).toBe(out);
  });
  it('builds absolute URLs under the base', () => {
    expect(absoluteUrl('https://x.org', '/blog/', 'posts/a/')).toBe('https://x.org/blog/posts/a/');
  });
});
