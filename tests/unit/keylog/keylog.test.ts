import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKeyLog, SAMPLE_KEYLOG } from '../../../src/core/keylog/keylog.ts';
import { summarizeKeyLog } from '../../../src/core/keylog/view.ts';

const CR13 = '99cf2fabcc272914ae2c93a3603864a505e76092a6511176d7ae2f7f9c6058f7';
const CR12 = '6088f6d60b7034f82e9d20cd833d2dfc2f34a7a91d618348be1c07f668b4db4f';
const S32 = 'ab'.repeat(32);
const S48 = 'cd'.repeat(48);

describe('the sample from the post', () => {
  const r = parseKeyLog(SAMPLE_KEYLOG);

  it('has two connections and no problems', () => {
    expect(r.problems).toEqual([]);
    expect(r.lines).toBe(6);
    expect(r.connections.map((c) => [c.clientRandom, c.version])).toEqual([
      [CR13, 'TLS 1.3'],
      [CR12, 'SSL 3.0–TLS 1.2'],
    ]);
  });

  it('groups the five TLS 1.3 secrets, each 32 bytes (a SHA-256 suite)', () => {
    const c = r.connections[0];
    expect(c?.entries.map((e) => [e.label, e.bytes, e.line])).toEqual([
      ['CLIENT_HANDSHAKE_TRAFFIC_SECRET', 32, 1],
      ['SERVER_HANDSHAKE_TRAFFIC_SECRET', 32, 2],
      ['CLIENT_TRAFFIC_SECRET_0', 32, 3],
      ['SERVER_TRAFFIC_SECRET_0', 32, 4],
      ['EXPORTER_SECRET', 32, 5],
    ]);
    expect(c?.notes).toEqual([]);
  });

  it('reads the upper-case TLS 1.2 line as a 48-byte master secret', () => {
    const c = r.connections[1];
    expect(c?.entries).toHaveLength(1);
    expect(c?.entries[0]).toMatchObject({
      label: 'CLIENT_RANDOM',
      bytes: 48,
      line: 6,
      clientRandom: CR12,
    });
    expect(c?.entries[0]?.secret).toMatch(/^a2f9af60/);
  });

  it('summarises', () => {
    expect(summarizeKeyLog(r)).toBe(
      '6 key lines: 2 connections (1 TLS 1.3, 1 SSL 3.0–TLS 1.2); no malformed lines.',
    );
  });
});

describe('malformed lines are flagged with their number and why', () => {
  it.each([
    [
      'unknown label',
      `CLIENT_TRAFFIC_SECRET_9 ${CR13} ${S32}`,
      /unknown label "CLIENT_TRAFFIC_SECRET_9"/,
    ],
    ['lower-case label', `client_random ${CR12} ${S48}`, /labels are upper case: CLIENT_RANDOM/],
    ['two fields', `CLIENT_RANDOM ${CR12}`, /has 2 fields; expected 3/],
    [
      'short client random',
      `CLIENT_RANDOM ${CR12.slice(2)} ${S48}`,
      /client random must be 32 bytes; it is 31 bytes/,
    ],
    [
      'odd client random',
      `CLIENT_RANDOM ${CR12.slice(1)} ${S48}`,
      /client random has an odd number of hex digits \(63\)/,
    ],
    [
      'non-hex client random',
      `CLIENT_RANDOM ${CR12.slice(1)}g ${S48}`,
      /client random must be hex digits .*found "g"/,
    ],
    [
      'TLS 1.2 secret of 32 bytes',
      `CLIENT_RANDOM ${CR12} ${S32}`,
      /must be 48 bytes \(the master secret of SSL 3.0 to TLS 1.2\); it has 64 hex digits, and Wireshark needs 96/,
    ],
    [
      'TLS 1.2 secret cut short by a letter',
      `CLIENT_RANDOM ${CR12} ${S48.slice(0, 90)}xyz`,
      /it has 90 hex digits before "x", and Wireshark needs 96/,
    ],
    ['non-hex secret', `EXPORTER_SECRET ${CR13} z${S32}`, /secret must be hex digits .*found "z"/],
    ['no secret after the space', `EXPORTER_SECRET ${CR13} `, /secret is missing/],
    ['two spaces', `CLIENT_RANDOM  ${CR12} ${S48}`, /exactly one space/],
    [
      'a tab',
      `CLIENT_RANDOM\t${CR12} ${S48}`,
      /separated by U\+0009; Wireshark needs exactly one space/,
    ],
    ['leading space', ` CLIENT_RANDOM ${CR12} ${S48}`, /starts with whitespace/],
    ['NUL', `CLIENT_RANDOM ${CR12}\u0000 ${S48}`, /control character \(U\+0000\)/],
    ['bad RSA line', 'RSA 0011 22', /pre-master prefix must be 8 bytes/],
    ['garbage', 'hello world', /unknown label "hello"/],
  ])('%s', (_name, line, reason) => {
    const r = parseKeyLog(`${SAMPLE_KEYLOG}${line}\n`);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.line).toBe(7);
    expect(r.problems[0]?.reason).toMatch(reason);
    expect(r.connections).toHaveLength(2);
  });

  it('counts lines from 1 including blank lines and comments', () => {
    const r = parseKeyLog(`# comment\n\nbogus\n\r\nCLIENT_RANDOM x y\n`);
    expect(r.problems.map((p) => p.line)).toEqual([3, 5]);
    expect(summarizeKeyLog(r)).toBe('2 key lines: 0 connections; 2 malformed lines.');
  });

  it('accepts CRLF line endings', () => {
    const r = parseKeyLog(SAMPLE_KEYLOG.replaceAll('\n', '\r\n'));
    expect(r.problems).toEqual([]);
    expect(r.connections).toHaveLength(2);
  });

  it('shortens long lines and shows control characters for display', () => {
    const r = parseKeyLog(`x\u0001${'y'.repeat(200)}`);
    expect(r.problems[0]?.text.length).toBeLessThanOrEqual(80);
    expect(r.problems[0]?.text).toMatch(/^x\\u0001y+…$/);
  });
});

// Issue 23, item 1: the inspector accepts what Wireshark's key-log reader accepts
// (tls_keylog_process_lines in packet-tls-utils.c), so a log copied from a terminal with trailing
// spaces, saved with CRLF, or written in upper-case hex gives the connections Wireshark finds.
describe('lines Wireshark reads are read the same way', () => {
  const sample = parseKeyLog(SAMPLE_KEYLOG);
  const lines = SAMPLE_KEYLOG.trimEnd().split('\n');

  it.each([
    ['a trailing space on each line', lines.map((l) => `${l} `).join('\n')],
    ['trailing spaces and tabs', lines.map((l) => `${l} \t  `).join('\n')],
    ['CRLF line endings', `${lines.join('\r\n')}\r\n`],
    ['upper-case hex', lines.map((l) => l.replace(/ .*/, (m) => m.toUpperCase())).join('\n')],
    ['lower-case hex', SAMPLE_KEYLOG.replace(/ .*/g, (m) => m.toLowerCase())],
    [
      'all three at once',
      `${lines.map((l) => `${l.replace(/ .*/, (m) => m.toUpperCase())}  `).join('\r\n')}\r\n`,
    ],
    ['comments and blank lines between', `# sslkeylog\n\n${lines.join('\n\n# next\n')}\n`],
  ])('%s: the same connections, no malformed lines, no warnings', (_name, text) => {
    const r = parseKeyLog(text);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.lines).toBe(6);
    const shape = (c: (typeof r.connections)[number]) => ({
      ...c,
      entries: c.entries.map(({ line: _line, ...e }) => e),
    });
    expect(r.connections.map(shape)).toEqual(sample.connections.map(shape));
    expect(summarizeKeyLog(r)).toBe(summarizeKeyLog(sample));
  });

  it.each([
    [
      'text after the secret',
      `CLIENT_RANDOM ${CR12} ${S48} # from curl`,
      48,
      /Wireshark ignores the text after the secret \("# from curl"\)/,
    ],
    [
      'more hex digits than a master secret has',
      `CLIENT_RANDOM ${CR12} ${S48}ab`,
      48,
      /runs on into "ab": Wireshark reads only its first 96 hex digits \(48 bytes\)/,
    ],
    [
      'an odd number of hex digits',
      `EXPORTER_SECRET ${CR13} ${S32}a`,
      32,
      /runs on into "a": Wireshark reads only its first 64 hex digits/,
    ],
    [
      'a letter inside the secret',
      `EXPORTER_SECRET ${CR13} ${S32.slice(0, 62)}zz`,
      31,
      /31 bytes, and TLS 1.3 secrets are 32 or 48 .*; the secret runs on into "zz"/,
    ],
    [
      'a TLS 1.3 secret of 20 bytes',
      `CLIENT_TRAFFIC_SECRET_0 ${CR13} ${'ab'.repeat(20)}`,
      20,
      /secret is 20 bytes, and TLS 1.3 secrets are 32 or 48/,
    ],
    [
      'a label Wireshark does not know',
      `ECH_SECRET ${CR13} ${S32}`,
      32,
      /has no ECH_SECRET label, so it skips this line/,
    ],
  ])('%s: kept in its connection, with a warning', (_name, line, bytes, warning) => {
    const r = parseKeyLog(`${SAMPLE_KEYLOG}${line}\n`);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]?.line).toBe(7);
    expect(r.warnings[0]?.reason).toMatch(warning);
    const entry = r.connections.flatMap((c) => c.entries).find((e) => e.line === 7);
    expect(entry?.bytes).toBe(bytes);
    expect(summarizeKeyLog(r)).toMatch(/; 1 warning\.$/);
  });
});

describe('connection notes', () => {
  it('flags missing TLS 1.3 secrets, one note per secret', () => {
    const r = parseKeyLog(`CLIENT_TRAFFIC_SECRET_0 ${CR13} ${S32}\n`);
    expect(r.connections[0]?.notes).toEqual([
      'No CLIENT_HANDSHAKE_TRAFFIC_SECRET: Wireshark cannot decrypt the handshake messages the client sends (its Finished).',
      'No SERVER_HANDSHAKE_TRAFFIC_SECRET: Wireshark cannot decrypt the handshake messages the server sends (its certificate among them).',
      'No SERVER_TRAFFIC_SECRET_0: Wireshark cannot decrypt the application data the server sends.',
    ]);
  });

  // Issue 23, item 8: one missing secret blocks one direction, and the data need not be HTTP.
  it.each([
    ['CLIENT_TRAFFIC_SECRET_0', 'client'],
    ['SERVER_TRAFFIC_SECRET_0', 'server'],
  ])('without %s, says only the %s side cannot be read', (missing, side) => {
    const lines = SAMPLE_KEYLOG.split('\n').filter((l) => !l.startsWith(missing));
    const notes = parseKeyLog(lines.join('\n')).connections[0]?.notes ?? [];
    expect(notes).toEqual([
      `No ${missing}: Wireshark cannot decrypt the application data the ${side} sends.`,
    ]);
    expect(notes.join(' ')).not.toMatch(/HTTP|both directions/);
  });

  it('flags mixed TLS versions, mixed lengths and conflicting duplicates', () => {
    const r = parseKeyLog(
      [
        `CLIENT_RANDOM ${CR13} ${S48}`,
        `CLIENT_HANDSHAKE_TRAFFIC_SECRET ${CR13} ${S32}`,
        `SERVER_HANDSHAKE_TRAFFIC_SECRET ${CR13} ${S48}`,
        `CLIENT_TRAFFIC_SECRET_0 ${CR13} ${S32}`,
        `SERVER_TRAFFIC_SECRET_0 ${CR13} ${S32}`,
        `SERVER_TRAFFIC_SECRET_0 ${CR13} ${'ef'.repeat(32)}`,
      ].join('\n'),
    );
    const c = r.connections[0];
    expect(c?.version).toBe('mixed');
    const notes = c?.notes.join(' ') ?? '';
    expect(notes).toMatch(/both CLIENT_RANDOM \(SSL 3.0 to TLS 1.2\) and TLS 1.3/);
    expect(notes).toMatch(/different lengths/);
    expect(notes).toMatch(
      /SERVER_TRAFFIC_SECRET_0 appears twice with 2 different secrets; Wireshark keeps the last one \(line 6\)/,
    );
  });

  it('merges upper- and lower-case spellings of one client random', () => {
    const r = parseKeyLog(
      `CLIENT_HANDSHAKE_TRAFFIC_SECRET ${CR13} ${S48}\nSERVER_HANDSHAKE_TRAFFIC_SECRET ${CR13.toUpperCase()} ${S48}\n`,
    );
    expect(r.connections).toHaveLength(1);
    expect(r.connections[0]?.entries.map((e) => e.bytes)).toEqual([48, 48]);
  });

  it('counts RSA lines separately', () => {
    const r = parseKeyLog(
      `RSA ${'01'.repeat(8)} ${S48}\nRSA Session-ID:${'02'.repeat(32)} Master-Key:${S48}\n`,
    );
    expect(r.problems).toEqual([]);
    expect(r.rsaEntries).toBe(2);
    expect(summarizeKeyLog(r)).toBe('2 key lines: 0 connections, 2 RSA lines; no malformed lines.');
  });
});

describe('property: every line is either a secret, a problem or skipped', () => {
  const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-fA-F]{${n}}$`));
  const good = fc.oneof(
    fc.tuple(hex(64), hex(96)).map(([c, s]) => `CLIENT_RANDOM ${c} ${s}`),
    fc
      .tuple(
        fc.constantFrom(
          'CLIENT_TRAFFIC_SECRET_0',
          'SERVER_HANDSHAKE_TRAFFIC_SECRET',
          'EXPORTER_SECRET',
        ),
        hex(64),
        fc.constantFrom(64, 96),
      )
      .chain(([l, c, n]) => hex(n).map((s) => `${l} ${c} ${s}`)),
  );
  const line = fc.oneof(
    good,
    fc.string({ maxLength: 120 }),
    fc.constant(''),
    fc.constant('# note'),
  );

  it('accounts for each non-blank, non-comment line exactly once', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const r = parseKeyLog(text);
        const physical = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
        const counted = physical.filter((l) => l.trim() !== '' && !l.startsWith('#')).length;
        const secrets = r.connections.reduce((n, c) => n + c.entries.length, 0);
        expect(secrets + r.problems.length + r.rsaEntries).toBe(counted);
        expect(r.lines).toBe(counted);
        for (const p of r.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(physical.length);
          expect(p.reason.length).toBeGreaterThan(10);
        }
        expect(summarizeKeyLog(r)).not.toMatch(/NaN|undefined|Infinity/);
      }),
      { numRuns: 500 },
    );
  });
});
