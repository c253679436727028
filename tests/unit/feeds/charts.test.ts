import { describe, expect, it } from 'vitest';
import { toFeedHtml } from '../../../src/core/feeds/content.ts';

const pageUrl = 'https://example.org/blog/posts/load-average-spikes/';
const feedHtml = (html: string) => toFeedHtml(html, { pageUrl });

describe('charts in feed items', () => {
  it('puts the chart image, by absolute URL and with its alt text, in place of the live SVG', () => {
    const out = feedHtml(
      '<figure><svg id="sim-chart-svg" width="640" height="260" viewBox="0 0 640 260" role="img" ' +
        'data-feed-image="/blog/charts/load-average-sync.svg" data-feed-alt="Chart: 7 spikes, peak 18.28" data-feed-width="640" data-feed-height="286">' +
        '<title>Load</title><path class="l1" d="M0 0L1 1"/></svg></figure>',
    );
    expect(out).toBe(
      '<figure><img src="https://example.org/blog/charts/load-average-sync.svg" alt="Chart: 7 spikes, peak 18.28" width="640" height="286"></figure>',
    );
  });

  it('leaves no inline SVG in an item, even one without a chart image', () => {
    const out = feedHtml('<p>Before</p><svg viewBox="0 0 1 1"><path d="M0 0"/></svg><p>After</p>');
    expect(out).toBe('<p>Before</p><p>After</p>');
  });

  it('drops sentences that only make sense on the live page', () => {
    const out = feedHtml(
      '<p class="note" data-feed-omit>The scenario is kept in the page address.</p><p>Kept</p>',
    );
    expect(out).toBe('<p>Kept</p>');
  });
});
