import { describe, expect, it } from 'vitest';
import { companionSteps } from '../../../src/core/hostapd/commands.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/hostapd/settings.ts';
import { renderStepsHtml } from '../../../src/core/hostapd/view.ts';

describe('companion commands HTML', () => {
  it('lists setup and teardown with the warning next to the uplink step', () => {
    const html = renderStepsHtml(companionSteps(DEFAULT_SETTINGS));
    expect(html).toMatch(/^<h4>Setup<\/h4><ol>/);
    expect(html).toContain('<h4>Teardown</h4>');
    expect(html).toMatch(
      /<pre><code>sudo ip link set enp1s0 master br0<\/code><\/pre><p class="warning"><strong>Warning:<\/strong> This cuts/,
    );
    expect(html.match(/<li>/g)).toHaveLength(7);
  });

  it('escapes interface names that are valid for Linux but not for HTML', () => {
    const html = renderStepsHtml(companionSteps({ ...DEFAULT_SETTINGS, uplink: '<b>&x1' }));
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;&amp;x1');
  });

  it('asks for valid names instead of showing commands', () => {
    expect(renderStepsHtml(null)).toMatch(/Fix the interface names/);
  });
});
