// HTML for the key-log inspector's results, shared by the build-time render and the live widget
// so both show the same markup. Every piece of pasted text goes through escapeHtml.

import { escapeHtml } from '../html.ts';
import type { KeyLogConnection, KeyLogReport } from './keylog.ts';

/** A client random shortened for a table: first 8 and last 8 hex digits. */
export function shortRandom(hex: string): string {
  return hex.length > 20 ? `${hex.slice(0, 8)}…${hex.slice(-8)}` : hex;
}

function connectionRows(c: KeyLogConnection): string {
  const head =
    `<tr><th scope="rowgroup" colspan="4"><code title="${escapeHtml(c.clientRandom)}">` +
    `${escapeHtml(shortRandom(c.clientRandom))}</code> <span class="tls">${c.version}</span></th></tr>`;
  const rows = c.entries
    .map(
      (e) =>
        `<tr><td><code>${escapeHtml(e.label)}</code></td><td>${escapeHtml(e.meaning)}</td>` +
        `<td class="num">${e.bytes}</td><td class="num">${e.line}</td></tr>`,
    )
    .join('');
  const notes =
    c.notes.length === 0
      ? ''
      : `<tr class="notes"><td colspan="4"><ul>${c.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></td></tr>`;
  return `<tbody>${head}${rows}${notes}</tbody>`;
}

/** The connections table and the list of malformed lines, as HTML. */
export function renderKeyLogHtml(r: KeyLogReport): string {
  const table =
    r.connections.length === 0
      ? '<p class="empty">No connection secrets found.</p>'
      : '<table class="connections"><caption>Secrets by connection (client random)</caption>' +
        '<thead><tr><th scope="col">Label</th><th scope="col">Secret for</th>' +
        '<th scope="col" class="num">Bytes</th><th scope="col" class="num">Line</th></tr></thead>' +
        `${r.connections.map(connectionRows).join('')}</table>`;
  const problems =
    r.problems.length === 0
      ? ''
      : '<h4 class="problems-title">Malformed lines</h4><ul class="problems">' +
        r.problems
          .map(
            (p) =>
              `<li data-line="${p.line}"><strong>Line ${p.line}:</strong> ${escapeHtml(p.reason)}.` +
              ` <code>${escapeHtml(p.text)}</code></li>`,
          )
          .join('') +
        '</ul>';
  return table + problems;
}
