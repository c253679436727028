// The key-log inspector's words and markup, shared by the build-time render and the live widget
// so both show the same thing. Every piece of pasted text goes through escapeHtml. A paste can
// hold 100,000 lines: the HTML lists the first connections and problems and counts the rest.

import { escapeHtml } from '../html.ts';
import { fieldHtml } from '../widgets/field.ts';
import type { KeyLogConnection, KeyLogProblem, KeyLogReport } from './keylog.ts';

/**
 * The text box with its label and hint: read-only as built (nothing would read an edit without
 * the script), made live by the custom element.
 */
export function keyLogFieldHtml(prefix: string, text: string): string {
  return fieldHtml(prefix, {
    kind: 'textarea',
    key: 'input',
    label: 'Key log lines',
    hint:
      'Paste lines in the NSS key log format that Wireshark reads (CLIENT_RANDOM, ' +
      'CLIENT_TRAFFIC_SECRET_0, …). They are parsed in this page; nothing is uploaded.',
    value: text,
    rows: 7,
    readonly: true,
  });
}

/**
 * How many connections, lines per connection, malformed lines and warnings the HTML lists before
 * "and N more": the page lays out every row it is given, and 50,000 rows block it for seconds.
 */
export const SHOWN = { connections: 50, entries: 12, problems: 200, warnings: 100 } as const;

const plural = (n: number, word: string): string =>
  `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** One-sentence summary of a report, for a live region. */
export function summarizeKeyLog(r: KeyLogReport): string {
  const versions = ['TLS 1.3', 'SSL 3.0–TLS 1.2', 'mixed']
    .map((v) => [v, r.connections.filter((c) => c.version === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n.toLocaleString('en-US')} ${v}`);
  const conns = `${plural(r.connections.length, 'connection')}${versions.length > 0 ? ` (${versions.join(', ')})` : ''}`;
  const rsa = r.rsaEntries > 0 ? `, ${plural(r.rsaEntries, 'RSA line')}` : '';
  const bad =
    r.problems.length === 0 ? 'no malformed lines' : plural(r.problems.length, 'malformed line');
  const odd = r.warnings.length === 0 ? '' : `; ${plural(r.warnings.length, 'warning')}`;
  return `${plural(r.lines, 'key line')}: ${conns}${rsa}; ${bad}${odd}.`;
}

/** What the summary says while a long paste is still being read. */
export function readingMessage(linesRead: number): string {
  return `Reading the key log… ${plural(linesRead, 'line')} so far.`;
}

/** The note shown instead of a long paste, which stays out of the text box. */
export function pastedHtml(lines: number, chars: number): string {
  const size = chars >= 1e6 ? `${(chars / 1e6).toFixed(1)} MB` : `${Math.ceil(chars / 1e3)} KB`;
  return (
    `<p><strong>Pasted key log: ${plural(lines, 'line')} (${size}).</strong> ` +
    'Too long to edit here, it is read in this page and not shown; lines typed in the box are read after it.' +
    '<button type="button" data-action="remove-paste">Remove it</button></p>'
  );
}

/** A client random shortened for a table: first 8 and last 8 hex digits. */
export function shortRandom(hex: string): string {
  return hex.length > 20 ? `${hex.slice(0, 8)}…${hex.slice(-8)}` : hex;
}

function connectionRows(c: KeyLogConnection): string {
  const head =
    `<tr><th scope="rowgroup" colspan="4"><code title="${escapeHtml(c.clientRandom)}">` +
    `${escapeHtml(shortRandom(c.clientRandom))}</code> <span class="tls">${c.version}</span></th></tr>`;
  const shown = c.entries.slice(0, SHOWN.entries);
  const hidden = c.entries.length - shown.length;
  const rest =
    hidden === 0
      ? ''
      : `<tr class="more"><td colspan="4">… and ${plural(hidden, 'more line')} for this connection.</td></tr>`;
  const rows = shown
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
  return `<tbody>${head}${rows}${rest}${notes}</tbody>`;
}

function more(total: number, shown: number, what: string): string {
  return total > shown ? `<p class="more">… and ${plural(total - shown, what)} more.</p>` : '';
}

function lineList(
  title: string,
  kind: string,
  items: KeyLogProblem[],
  max: number,
  what: string,
): string {
  if (items.length === 0) return '';
  const shown = items.slice(0, max);
  return (
    `<h4 class="${kind}-title">${title}</h4><ul class="${kind}">` +
    shown
      .map(
        (p) =>
          `<li data-line="${p.line}"><strong>Line ${p.line}:</strong> ${escapeHtml(p.reason)}.` +
          ` <code>${escapeHtml(p.text)}</code></li>`,
      )
      .join('') +
    `</ul>${more(items.length, shown.length, what)}`
  );
}

/** The connections table, the malformed lines and the warnings, as HTML. */
export function renderKeyLogHtml(r: KeyLogReport): string {
  const conns = r.connections.slice(0, SHOWN.connections);
  const table =
    r.connections.length === 0
      ? '<p class="empty">No connection secrets found.</p>'
      : '<table class="connections"><caption>Secrets by connection (client random)</caption>' +
        '<thead><tr><th scope="col">Label</th><th scope="col">Secret for</th>' +
        '<th scope="col" class="num">Bytes</th><th scope="col" class="num">Line</th></tr></thead>' +
        `${conns.map(connectionRows).join('')}</table>` +
        more(r.connections.length, conns.length, 'connection');
  const problems = lineList(
    'Malformed lines',
    'problems',
    r.problems,
    SHOWN.problems,
    'malformed line',
  );
  const warnings = lineList(
    'Lines Wireshark reads with a warning',
    'warnings',
    r.warnings,
    SHOWN.warnings,
    'warning',
  );
  return table + problems + warnings;
}
