// HTML for the companion commands, shared by the build-time render and the live widget. Interface
// names typed by the reader end up in commands and warnings, so all text goes through escapeHtml.

import { escapeHtml } from '../html.ts';
import type { CompanionStep } from './commands.ts';

function stepHtml(step: CompanionStep): string {
  const warning =
    step.warning === undefined
      ? ''
      : `<p class="warning"><strong>Warning:</strong> ${escapeHtml(step.warning)}</p>`;
  return (
    `<li><p class="step-title">${escapeHtml(step.title)}</p>` +
    `<pre><code>${escapeHtml(step.command)}</code></pre>${warning}</li>`
  );
}

/** The setup steps and, when there is one, the teardown, as ordered lists. */
export function renderStepsHtml(steps: readonly CompanionStep[] | null): string {
  if (steps === null)
    return '<p class="empty">Fix the interface names above to see the commands.</p>';
  const setup = steps.filter((s) => s.phase === 'setup');
  const teardown = steps.filter((s) => s.phase === 'teardown');
  const list = (items: CompanionStep[]): string => `<ol>${items.map(stepHtml).join('')}</ol>`;
  return (
    `<h4>Setup</h4>${list(setup)}` +
    (teardown.length === 0 ? '' : `<h4>Teardown</h4>${list(teardown)}`)
  );
}
