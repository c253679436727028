import { describe, expect, it } from 'vitest';
import { checkFrontmatter } from '../../../src/core/frontmatter.ts';
import { contentSecurityPolicy, headerRules } from '../../../src/core/security.ts';

const POST = { title: 'T', description: 'D', pubDate: '2026-11-01', tags: ['meta'] };

describe('the fediverse frontmatter field', () => {
  it('takes a status URL and gives the toot', () => {
    const checked = checkFrontmatter(
      'content/posts/x.mdx',
      { ...POST, fediverse: 'https://floss.social/@nicolas17/113000000000000001' },
      { maxYear: 2027 },
    );
    expect(checked).toHaveProperty('data.fediverse.instance', 'floss.social');
  });

  it('is optional', () => {
    const checked = checkFrontmatter('content/posts/x.mdx', POST, { maxYear: 2027 });
    expect(checked).toHaveProperty('data');
    expect((checked as { data: { fediverse?: unknown } }).data.fediverse).toBeUndefined();
  });

  it.each([
    'http://floss.social/@nicolas17/1',
    'https://floss.social/@nicolas17',
    'floss.social',
    42,
  ])('refuses %j naming the file, the field and the accepted form', (fediverse) => {
    const checked = checkFrontmatter(
      'content/posts/x.mdx',
      { ...POST, fediverse },
      { maxYear: 2027 },
    );
    expect(checked).toHaveProperty('problems');
    const [problem] = (checked as { problems: string[] }).problems;
    expect(problem).toMatch(/^content\/posts\/x\.mdx: fediverse: /);
    expect(problem).toContain('https://<instance>/@<user>/<status id>');
  });
});

describe('the policy of a page with replies', () => {
  const instances = ['https://floss.social'];

  it('may fetch from and send a form to the named instance, and nowhere else', () => {
    const csp = contentSecurityPolicy('meta', { instances });
    expect(csp).toContain("connect-src 'self' https://floss.social;");
    expect(csp).toContain("form-action 'self' https://floss.social");
    expect(csp.replaceAll(' https://floss.social', '')).toBe(contentSecurityPolicy('meta'));
  });

  it('the site-wide header allows the instances posts name', () => {
    const [rule] = headerRules('/', { instances });
    const csp = rule?.headers.find(([k]) => k === 'Content-Security-Policy')?.[1];
    expect(csp).toContain("connect-src 'self' https://floss.social;");
    expect(headerRules('/')[0]?.headers).toContainEqual([
      'Content-Security-Policy',
      contentSecurityPolicy('header'),
    ]);
  });
});
