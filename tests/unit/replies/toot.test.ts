import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  instanceOf,
  instanceOrigins,
  isHostName,
  parseToot,
  profileUrl,
} from '../../../src/core/replies/toot.ts';

const TOOT = 'https://floss.social/@nicolas17/113000000000000001';

describe('the toot a post names', () => {
  it('reads a status URL into its instance, user and id', () => {
    expect(parseToot(TOOT)).toEqual({
      toot: { url: TOOT, instance: 'floss.social', user: 'nicolas17', id: '113000000000000001' },
    });
  });

  it.each([
    ['http://floss.social/@nicolas17/1', 'must start with https://'],
    ['https://floss.social/@nicolas17', 'is not a status URL'],
    ['https://floss.social/users/nicolas17/statuses/1', 'is not a status URL'],
    ['https://floss.social:8443/@nicolas17/1', 'is not a status URL'],
    ['https://floss.social/@nicolas17/1?x=1', 'is not a status URL'],
    ['https://user@floss.social/@nicolas17/1', 'is not a status URL'],
    ['https://127.0.0.1/@nicolas17/1', 'is not a status URL'],
    ['javascript:alert(1)', 'must start with https://'],
    ['floss.social/@nicolas17/1', 'is not a URL'],
  ])('refuses %s, saying what it accepts', (value, why) => {
    const parsed = parseToot(value);
    expect(parsed).toHaveProperty('error');
    const { error } = parsed as { error: string };
    expect(error).toContain(why);
    expect(error).toContain('https://<instance>/@<user>/<status id>');
  });
});

describe('the instance a reader types', () => {
  it.each([
    ['mastodon.social', 'mastodon.social'],
    ['  Mastodon.Social ', 'mastodon.social'],
    ['https://kde.social/', 'kde.social'],
    ['@me@floss.social', 'floss.social'],
    ['me@floss.social', 'floss.social'],
  ])('%j is the instance %s', (typed, host) => {
    expect(instanceOf(typed)).toBe(host);
  });

  it.each([
    '',
    'localhost',
    'evil.example/phish?x=',
    'evil.example:8080',
    'javascript:alert(1)',
    'a b.example',
    '192.168.0.1',
    '-bad.example',
    'exa mple.org',
    '//evil.example',
    'evil.example#',
  ])('%j names no instance', (typed) => {
    expect(instanceOf(typed)).toBeUndefined();
  });

  it('sends the reader only ever to https://<a host name>/authorize_interaction', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (typed) => {
        const host = instanceOf(typed);
        if (host === undefined) return;
        const url = new URL(
          authorizeUrl(host, { url: TOOT, instance: 'floss.social', user: 'n', id: '1' }),
        );
        expect(url.protocol).toBe('https:');
        expect(url.host).toBe(host);
        expect(url.pathname).toBe('/authorize_interaction');
        expect(url.searchParams.get('uri')).toBe(TOOT);
        expect([...url.searchParams.keys()]).toEqual(['uri']);
      }),
    );
  });

  it('refuses to build a link to something that is not a host name', () => {
    const toot = { url: TOOT, instance: 'floss.social', user: 'n', id: '1' };
    expect(() => authorizeUrl('evil.example/x?', toot)).toThrow(/not a host name/);
    expect(isHostName('floss.social')).toBe(true);
  });
});

describe('site config and policy helpers', () => {
  it('lists each instance the posts name once, as an https origin', () => {
    const a = { url: TOOT, instance: 'floss.social', user: 'n', id: '1' };
    const b = { url: TOOT, instance: 'kde.social', user: 'n', id: '2' };
    expect(instanceOrigins([b, undefined, a, a])).toEqual([
      'https://floss.social',
      'https://kde.social',
    ]);
  });

  it('turns the configured handle into its profile URL, and nothing else', () => {
    expect(profileUrl('@nicolas17@floss.social')).toBe('https://floss.social/@nicolas17');
    expect(profileUrl('nicolas17@floss.social')).toBeUndefined();
    expect(profileUrl('@x@evil.example/path')).toBeUndefined();
  });
});
