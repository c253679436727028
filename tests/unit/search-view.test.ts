// The search page's results view: what a reader sees for each hit, with indexed text escaped.
import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/core/search/results.ts';
import { hitsHtml } from '../../src/core/search/view.ts';

const seg = (text: string, mark = false) => ({ text, mark });

describe('hitsHtml', () => {
  it('links the post and shows its excerpt with the matched words marked', () => {
    const hit: Hit = {
      title: 'Load <average>',
      url: '/posts/load-average-spikes/',
      excerpt: [seg('the '), seg('load', true), seg(' & more')],
      sections: [],
    };
    expect(hitsHtml([hit])).toBe(
      '<li><h2><a href="/posts/load-average-spikes/">Load &lt;average&gt;</a></h2>' +
        '<p>the <mark>load</mark> &amp; more</p></li>',
    );
  });

  it('lists the sections where the words occur, labelled by the post', () => {
    const hit: Hit = {
      title: 'TLS "keys"',
      url: '/p/',
      excerpt: [seg('x')],
      sections: [{ title: 'Wireshark', url: '/p/#wireshark', excerpt: [seg('key', true)] }],
    };
    expect(hitsHtml([hit])).toBe(
      '<li><h2><a href="/p/">TLS &quot;keys&quot;</a></h2>' +
        '<ul aria-label="Sections of “TLS &quot;keys&quot;”"><li><a href="/p/#wireshark">Wireshark</a>' +
        '<p><mark>key</mark></p></li></ul></li>',
    );
  });
});
