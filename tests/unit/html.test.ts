import fc from 'fast-check';
import type { Element, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { attributes, escapeHtml } from '../../src/core/html.ts';

// The HTML parser rewrites CR and NUL whatever the escaping; everything else must come back as typed.
const typed = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom('&', '<', '>', '"', "'", '&amp;', '</p>'),
      fc.string({ unit: 'grapheme', maxLength: 1 }),
    ),
    maxLength: 40,
  })
  .map((s) => s.replace(/[\r\0]/g, ''));

function parsed(html: string): { title: unknown; text: string } {
  const p = fromHtml(html, { fragment: true }).children[0] as Element;
  return { title: p.properties['title'], text: (p.children[0] as Text | undefined)?.value ?? '' };
}

describe('escapeHtml', () => {
  it('escapes the five characters that can end text or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('gives back any text unchanged through an HTML parser, as content and in both quotings', () => {
    fc.assert(
      fc.property(typed, (s) => {
        const e = escapeHtml(s);
        expect(parsed(`<p title="${e}">${e}</p>`)).toEqual({ title: s, text: s });
        expect(parsed(`<p title='${e}'>x</p>`).title).toBe(s);
      }),
    );
  });
});

describe('attributes', () => {
  it('writes strings escaped, true as a bare name, and leaves out false and undefined', () => {
    expect(
      attributes({ id: 'a', title: '"<x>"', hidden: true, list: undefined, checked: false }),
    ).toBe(' id="a" title="&quot;&lt;x&gt;&quot;" hidden');
    expect(attributes({ size: 8 })).toBe(' size="8"');
  });
});
