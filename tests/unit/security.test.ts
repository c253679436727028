import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  cspDirectives,
  headerRules,
  headersFor,
  parseHeaders,
  patternMatches,
  renderHeaders,
} from '../../src/core/security.ts';

describe('contentSecurityPolicy', () => {
  it('allows scripts from this origin only: no inline script, no eval, no other host', () => {
    const csp = contentSecurityPolicy('meta');
    expect(csp).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
    );
  });

  it('allows WebAssembly only where asked (the search page) and in the site-wide header', () => {
    expect(contentSecurityPolicy('meta', { wasm: true })).toContain(
      "script-src 'self' 'wasm-unsafe-eval';",
    );
    expect(contentSecurityPolicy('header')).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });

  it('puts frame-ancestors only in the header, where browsers honour it', () => {
    expect(contentSecurityPolicy('meta')).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy('header')).toMatch(/; frame-ancestors 'none'$/);
  });

  it.each(['meta', 'header'] as const)(
    '%s: every source is a keyword or data:, never a host',
    (t) => {
      for (const [name, ...sources] of cspDirectives(t, { wasm: true })) {
        expect(name).toMatch(/^[a-z-]+$/);
        for (const s of sources) expect(s).toMatch(/^('[a-z-]+'|data:)$/);
        if (name === 'script-src') expect(sources).not.toContain("'unsafe-inline'");
      }
    },
  );
});

describe('_headers', () => {
  it.each(['/', '/blog/'])(
    'for base %s: security headers everywhere, immutable hashed assets',
    (base) => {
      const text = renderHeaders(headerRules(base));
      const rules = parseHeaders(text);
      expect(rules.map((r) => r.pattern)).toEqual([`${base}*`, `${base}_assets/*`]);
      expect(headersFor(rules, '/elsewhere/')).toEqual(base === '/' ? headersFor(rules, '/x') : []);
      const page = Object.fromEntries(headersFor(rules, `${base}posts/x/`));
      expect(page['Content-Security-Policy']).toBe(contentSecurityPolicy('header'));
      expect(page['X-Content-Type-Options']).toBe('nosniff');
      expect(page['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
      expect(page['Cache-Control']).toBeUndefined();
      const asset = Object.fromEntries(headersFor(rules, `${base}_assets/x.AbCd1234.js`));
      expect(asset['Cache-Control']).toBe('public, max-age=31536000, immutable');
      expect(asset['X-Content-Type-Options']).toBe('nosniff');
    },
  );

  it('refuses a base without slashes at both ends', () => {
    expect(() => headerRules('blog')).toThrow('base must start and end with "/"');
  });

  it('parses the format back and names a bad line', () => {
    expect(parseHeaders('# c\n/a\n  X-A: 1\n\n/b/*\n  X-B: two words\n')).toEqual([
      { pattern: '/a', headers: [['X-A', '1']] },
      { pattern: '/b/*', headers: [['X-B', 'two words']] },
    ]);
    expect(() => parseHeaders('  X-A: 1\n')).toThrow('_headers line 1');
    expect(() => parseHeaders('/a\n  not a header\n')).toThrow('_headers line 2');
  });

  it.each([
    ['/*', '/', true],
    ['/*', '/anything/at/all', true],
    ['/blog/_assets/*', '/blog/_assets/a.js', true],
    ['/blog/_assets/*', '/_assets/a.js', false],
    ['/a.b', '/axb', false],
    ['/exact', '/exact/', false],
  ])('%s matches %s: %s', (pattern, path, matches) => {
    expect(patternMatches(pattern, path)).toBe(matches);
  });
});
