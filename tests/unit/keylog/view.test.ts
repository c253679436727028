import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/core/html.ts';
import { parseKeyLog, SAMPLE_KEYLOG } from '../../../src/core/keylog/keylog.ts';
import { renderKeyLogHtml, shortRandom } from '../../../src/core/keylog/view.ts';

describe('key-log results HTML', () => {
  it('shows one row group per connection with its TLS version', () => {
    const html = renderKeyLogHtml(parseKeyLog(SAMPLE_KEYLOG));
    expect(html.match(/<tbody>/g)).toHaveLength(2);
    expect(html).toContain('<span class="tls">TLS 1.3</span>');
    expect(html).toContain('<span class="tls">SSL 3.0–TLS 1.2</span>');
    expect(html).toContain('99cf2fab…9c6058f7');
    expect(html).not.toContain('Malformed lines');
  });

  it('escapes pasted text in flagged lines', () => {
    const html = renderKeyLogHtml(parseKeyLog('<img src=x onerror=alert(1)> "\'&\n'));
    expect(html).toContain('<li data-line="1"><strong>Line 1:</strong>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says so when there is nothing to show', () => {
    expect(renderKeyLogHtml(parseKeyLog(''))).toBe(
      '<p class="empty">No connection secrets found.</p>',
    );
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(shortRandom('ab')).toBe('ab');
  });
});
