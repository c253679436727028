import type { Element, Root } from 'hast';
import rehypeSlug from 'rehype-slug';
import { describe, expect, it } from 'vitest';
import { rehypeHeadingIds } from '../../src/core/markdown/heading-ids.ts';

const heading = (text: string, tagName = 'h2'): Element => ({
  type: 'element',
  tagName,
  properties: {},
  children: [{ type: 'text', value: text }],
});

/** The ids rehype-slug and then the plugin give these headings, after the other nodes (as in astro.config.mjs). */
function ids(texts: readonly string[], before: Root['children'] = []): string[] {
  const headings = texts.map((t) => heading(t));
  const tree: Root = { type: 'root', children: [...before, ...headings] };
  rehypeSlug()(tree);
  rehypeHeadingIds()(tree);
  return headings.map((h) => String(h.properties['id']));
}

describe('heading ids', () => {
  it('are GitHub-style slugs for ordinary headings, numbered when repeated', () => {
    expect(ids(['Drifting timers', 'What’s a tick?', 'Intro', 'Intro'])).toEqual([
      'drifting-timers',
      'whats-a-tick',
      'intro',
      'intro-1',
    ]);
  });

  it("never take the layout's ids or a widget's (issue 24, finding 3)", () => {
    expect(ids(['Main', 'Beat calculator', 'Site menu', 'Sim state', 'Toc heading'])).toEqual([
      'section-main',
      'section-beat-calculator',
      'section-site-menu',
      'section-sim-state',
      'section-toc-heading',
    ]);
  });

  it('never take an id the post gives a component or an element', () => {
    const widget = {
      type: 'mdxJsxFlowElement',
      name: 'BeatCalculator',
      attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: 'second' }],
      children: [],
    } as unknown as Root['children'][number];
    const div: Element = {
      type: 'element',
      tagName: 'div',
      properties: { id: 'notes' },
      children: [],
    };
    expect(ids(['Second', 'Second options', 'Notes'], [widget, div])).toEqual([
      'section-second',
      'section-second-options',
      'section-notes',
    ]);
  });

  it('are never empty: an emoji-only heading gets section-<position> (issue 24, finding 4)', () => {
    expect(ids(['Intro', '🚀🎉', '🎉', '!!!'])).toEqual([
      'intro',
      'section-2',
      'section-3',
      'section-4',
    ]);
  });

  it('stay unique when a heading is named like a fallback', () => {
    expect(ids(['🎉', 'Section 1'])).toEqual(['section-1', 'section-1-1']);
  });
});
