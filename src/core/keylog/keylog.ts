// Parses TLS key logs in the NSS key log format (SSLKEYLOGFILE) that Wireshark reads, as written
// by browsers, curl or the sslkeylog tweak on iOS. It reads exactly the lines Wireshark reads, the
// way Wireshark reads them, and says why any other line is skipped.
//
// Wireshark's rules, from tls_keylog_process_lines() and ssl_compile_keyfile_regex() in its
// epan/dissectors/packet-tls-utils.c:
// - Lines end at LF, and one CR before the LF is dropped: a CRLF file reads like an LF one.
// - Each line is matched against one pattern anchored at the line's first character, and only
//   there: a label, one space, the client random, one space, the secret. Nothing is required after
//   the secret, so trailing spaces, a tab or any other text after it are ignored and the line is
//   used.
// - A label is matched literally and in upper case (the pattern is case-sensitive); the labels are
//   those in LABELS below marked `read`, plus RSA.
// - Hex digits are [[:xdigit:]]: 0–9, a–f and A–F alike, in every field.
// - The client random is exactly 32 bytes (64 hex digits) followed by the space.
// - CLIENT_RANDOM's secret is the 48-byte master secret (SSL_MASTER_SECRET_LENGTH): the pattern
//   takes its first 96 hex digits, and fewer do not match. The TLS 1.3 labels and
//   PMS_CLIENT_RANDOM take as many whole bytes of hex as follow (at least one).
// - A line that does not match is skipped without a word; a line starting with "#" is a comment
//   (the NSS key log format defines them, and Wireshark skips them without even logging them).
//   Blank lines match nothing and are skipped too.
// Lines Wireshark skips are "problems" here, with the reason. Lines it uses but reads oddly (digits
// or text after the secret, a TLS 1.3 secret of a length no cipher suite has) keep their place in
// their connection and carry a warning.

import { codePointLabel } from '../text.ts';

/** What a label's secret is and which TLS version writes it. */
interface LabelSpec {
  tls: '1.2' | '1.3';
  /** Secret lengths in bytes that a real connection has; empty for any length. */
  bytes: readonly number[];
  meaning: string;
  /** False for labels of the key log format that Wireshark's pattern does not list. */
  read: boolean;
}

// TLS 1.3 secrets are as long as the suite's hash: 32 bytes for SHA-256 suites
// (TLS_AES_128_GCM_SHA256, TLS_CHACHA20_POLY1305_SHA256), 48 for TLS_AES_256_GCM_SHA384.
const TLS13_BYTES = [32, 48] as const;

const tls13 = (meaning: string): LabelSpec => ({
  tls: '1.3',
  bytes: TLS13_BYTES,
  meaning,
  read: true,
});

// A Map, not an object literal: the label is pasted text, and "toString" or "__proto__" must be
// unknown labels rather than members inherited from Object.prototype.
const LABELS: ReadonlyMap<string, LabelSpec> = new Map<string, LabelSpec>([
  ['CLIENT_RANDOM', { tls: '1.2', bytes: [48], meaning: 'master secret', read: true }],
  ['PMS_CLIENT_RANDOM', { tls: '1.2', bytes: [], meaning: 'pre-master secret', read: true }],
  ['CLIENT_EARLY_TRAFFIC_SECRET', tls13('client 0-RTT data')],
  ['CLIENT_HANDSHAKE_TRAFFIC_SECRET', tls13('client handshake')],
  ['SERVER_HANDSHAKE_TRAFFIC_SECRET', tls13('server handshake')],
  ['CLIENT_TRAFFIC_SECRET_0', tls13('client application data')],
  ['SERVER_TRAFFIC_SECRET_0', tls13('server application data')],
  ['EARLY_EXPORTER_SECRET', tls13('early exporter')],
  ['EXPORTER_SECRET', tls13('exporter')],
  // In the key log format (draft-ietf-tls-keylogfile) but not in Wireshark's pattern.
  ['ECH_SECRET', { tls: '1.3', bytes: [], meaning: 'Encrypted Client Hello secret', read: false }],
  ['ECH_CONFIG', { tls: '1.3', bytes: [], meaning: 'Encrypted Client Hello config', read: false }],
]);

/** One line that gives a connection a secret. */
export interface KeyLogEntry {
  line: number;
  label: string;
  /** Lower-case hex of the connection's 32-byte client random. */
  clientRandom: string;
  /** Lower-case hex of the secret, as much of it as Wireshark reads. */
  secret: string;
  bytes: number;
  meaning: string;
}

/** A line Wireshark skips, or reads with a caveat, with its 1-based number and why. */
export interface KeyLogProblem {
  line: number;
  /** The line, shortened for display. */
  text: string;
  reason: string;
}

/** All the secrets logged for one connection, keyed by its client random. */
export interface KeyLogConnection {
  clientRandom: string;
  /**
   * "TLS 1.3" with the *_SECRET labels; "SSL 3.0–TLS 1.2" with CLIENT_RANDOM, which SSL 3.0 and
   * TLS 1.0 to 1.2 all write.
   */
  version: 'SSL 3.0–TLS 1.2' | 'TLS 1.3' | 'mixed';
  entries: KeyLogEntry[];
  /** What Wireshark will and will not be able to decrypt with these secrets. */
  notes: string[];
}

/** Everything the inspector shows about a pasted key log. */
export interface KeyLogReport {
  /** Lines that were not blank or comments. */
  lines: number;
  connections: KeyLogConnection[];
  /** Lines Wireshark skips. */
  problems: KeyLogProblem[];
  /** Lines Wireshark uses, but with something odd about them. */
  warnings: KeyLogProblem[];
  /** RSA lines, keyed by the encrypted pre-master secret rather than a connection. */
  rsaEntries: number;
}

/** Example key log from the iOS TLS post: one TLS 1.3 connection and one CLIENT_RANDOM line. */
export const SAMPLE_KEYLOG = [
  'CLIENT_HANDSHAKE_TRAFFIC_SECRET 99cf2fabcc272914ae2c93a3603864a505e76092a6511176d7ae2f7f9c6058f7 37bed74ebb5c40dd525ae480adfe02d23e3d0a4c9083d8767f35cbbf23852da4',
  'SERVER_HANDSHAKE_TRAFFIC_SECRET 99cf2fabcc272914ae2c93a3603864a505e76092a6511176d7ae2f7f9c6058f7 1cd72af732da492b02568ae75e9d67ed394d50061fe6a56dfe5d847633e6a549',
  'CLIENT_TRAFFIC_SECRET_0 99cf2fabcc272914ae2c93a3603864a505e76092a6511176d7ae2f7f9c6058f7 63164e02b24232e34a5cf50d7f3ee92e82700393f4a838e8b561770dc835990d',
  'SERVER_TRAFFIC_SECRET_0 99cf2fabcc272914ae2c93a3603864a505e76092a6511176d7ae2f7f9c6058f7 452f5a90a24b5a857bbe38ab682790e379cfd6fcd1fcf599837662e3f3ffe798',
  'EXPORTER_SECRET 99cf2fabcc272914ae2c93a3603864a505e76092a6511176d7ae2f7f9c6058f7 845b6799e8dde45012a69d6805bf950503d17a5f5ce64d77b918b1d9aa5e2eaa',
  'CLIENT_RANDOM 6088F6D60B7034F82E9D20CD833D2DFC2F34A7A91D618348BE1C07F668B4DB4F A2F9AF6082BB09FD37C504845F73094966B44ACED72A96D2C3BD5FA2CB475A4F59031298A9BD517344ECDD0B73764786',
  '',
].join('\n');

const MAX_SHOWN = 80;

function shorten(text: string): string {
  const visible = text.replace(
    /\p{Cc}/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return visible.length > MAX_SHOWN ? `${visible.slice(0, MAX_SHOWN - 1)}…` : visible;
}

function hexProblem(what: string, value: string, expectedBytes?: string): string | undefined {
  if (!/^[0-9a-fA-F]*$/.test(value)) {
    const bad = value.match(/[^0-9a-fA-F]/u)?.[0] ?? '';
    const found = /\p{Cc}/u.test(bad)
      ? `a control character (${codePointLabel(bad)})`
      : JSON.stringify(bad);
    return `${what} must be hex digits (0–9, a–f, A–F); found ${found}`;
  }
  if (value.length % 2 === 1) return `${what} has an odd number of hex digits (${value.length})`;
  if (expectedBytes !== undefined) {
    return `${what} must be ${expectedBytes}; it is ${value.length / 2} bytes (${value.length} hex digits)`;
  }
  return undefined;
}

type LineResult =
  | { kind: 'skip' }
  | { kind: 'rsa'; warning: string | undefined }
  | { kind: 'entry'; entry: KeyLogEntry; warning: string | undefined }
  | { kind: 'problem'; reason: string };

const SKIP: LineResult = { kind: 'skip' };

// Wireshark's pattern (see the top of this file), one alternative at a time: a line starts with at
// most one of these, so trying them in turn matches what the single pattern matches.
const OCTET = '(?:[0-9A-Fa-f]{2})';
const RSA_PRE_MASTER = new RegExp(`^RSA ${OCTET}{8} (${OCTET}+)`);
const RSA_SESSION = new RegExp(`^RSA Session-ID:${OCTET}+ Master-Key:(${OCTET}{48})`);
const MASTER = new RegExp(`^(CLIENT_RANDOM) (${OCTET}{32}) (${OCTET}{48})`);
const ANY_LENGTH = [...LABELS.keys()].filter((l) => l !== 'CLIENT_RANDOM');
const DERIVED = new RegExp(`^(${ANY_LENGTH.join('|')}) (${OCTET}{32}) (${OCTET}+)`);

/** What to say about the rest of a line after the secret, which Wireshark ignores. */
function restWarning(rest: string, digits: number): string | undefined {
  if (rest.trim() === '') return undefined;
  if (/^\s/.test(rest)) {
    return `Wireshark ignores the text after the secret (${JSON.stringify(shorten(rest.trim()))})`;
  }
  return (
    `the secret runs on into ${JSON.stringify(shorten(rest))}: Wireshark reads only its first ` +
    `${digits} hex digits (${digits / 2} bytes) and ignores the rest of the line`
  );
}

const joinWarnings = (...w: (string | undefined)[]): string | undefined =>
  w.filter((x) => x !== undefined).join('; ') || undefined;

function parseLine(raw: string, line: number): LineResult {
  if (raw.trim() === '' || raw.startsWith('#')) return SKIP;
  const rsa = RSA_PRE_MASTER.exec(raw) ?? RSA_SESSION.exec(raw);
  if (rsa !== null) {
    const digits = (rsa[1] ?? '').length;
    return { kind: 'rsa', warning: restWarning(raw.slice(rsa[0].length), digits) };
  }
  const m = MASTER.exec(raw) ?? DERIVED.exec(raw);
  if (m === null) return { kind: 'problem', reason: whySkipped(raw) };
  const label = m[1] ?? '';
  const spec = LABELS.get(label) as LabelSpec;
  const hex = m[3] ?? '';
  const bytes = hex.length / 2;
  const sizes = spec.bytes;
  return {
    kind: 'entry',
    entry: {
      line,
      label,
      clientRandom: (m[2] ?? '').toLowerCase(),
      secret: hex.toLowerCase(),
      bytes,
      meaning: spec.meaning,
    },
    warning: joinWarnings(
      spec.read
        ? undefined
        : `Wireshark's key-log pattern has no ${label} label, so it skips this line (only Encrypted Client Hello needs it)`,
      sizes.length === 0 || sizes.includes(bytes)
        ? undefined
        : `the ${label} secret is ${bytes} bytes, and TLS 1.3 secrets are ${sizes.join(' or ')} (the hash length of the cipher suite): nothing decrypts with it`,
      restWarning(raw.slice(m[0].length), hex.length),
    ),
  };
}

/** Why Wireshark's pattern does not match a line (that is neither blank nor a comment). */
function whySkipped(raw: string): string {
  if (/^\s/.test(raw)) {
    return 'starts with whitespace; Wireshark only reads a label at the very start of a line';
  }
  const label = /^\S*/.exec(raw)?.[0] ?? '';
  const spec = LABELS.get(label);
  if (label !== 'RSA' && spec === undefined) {
    const upper = !LABELS.has(label.toUpperCase())
      ? ''
      : ` (labels are upper case: ${label.toUpperCase()})`;
    return `unknown label ${JSON.stringify(shorten(label))}${upper}; expected CLIENT_RANDOM or a TLS 1.3 label such as CLIENT_TRAFFIC_SECRET_0`;
  }
  if (label === 'RSA' && raw.startsWith('RSA Session-ID:')) {
    return 'RSA Session-ID lines read: RSA Session-ID:<hex> Master-Key:<48 bytes of hex>';
  }
  const usage =
    label === 'RSA'
      ? 'RSA <encrypted pre-master prefix> <pre-master secret>'
      : `${label} <client random> <secret>`;
  const fields = (n: number): string => `has ${n} field${n === 1 ? '' : 's'}; expected 3: ${usage}`;
  // `at` walks the line field by field, as the pattern does.
  let at = label.length;
  const separator = (): string | undefined => {
    const c = raw[at] ?? '';
    if (c !== ' ') {
      return `fields are separated by ${codePointLabel(c)}; Wireshark needs exactly one space between them`;
    }
    if (/\s/.test(raw[at + 1] ?? '')) {
      return 'fields must be separated by exactly one space, as Wireshark expects';
    }
    at += 1;
    return undefined;
  };
  if (at === raw.length) return fields(1);
  const sep1 = separator();
  if (sep1 !== undefined) return sep1;
  const second = /^\S*/.exec(raw.slice(at))?.[0] ?? '';
  at += second.length;
  const secondReason =
    label === 'RSA'
      ? hexProblem(
          'the encrypted pre-master prefix',
          second,
          second.length === 16 ? undefined : '8 bytes',
        )
      : hexProblem('the client random', second, second.length === 64 ? undefined : '32 bytes');
  if (secondReason !== undefined) return secondReason;
  if (at === raw.length) return fields(2);
  const sep2 = separator();
  if (sep2 !== undefined) return sep2;
  const secret = /^\S*/.exec(raw.slice(at))?.[0] ?? '';
  const what = label === 'RSA' ? 'the pre-master secret' : `the ${label} secret`;
  const digits = /^[0-9A-Fa-f]*/.exec(secret)?.[0].length ?? 0;
  if (secret === '') return `${what} is missing after the space`;
  if (digits < 2) return hexProblem(what, secret) ?? `${what} has one hex digit; a byte takes two`;
  // Only CLIENT_RANDOM gets here: with 2 hex digits or more, every other label would have matched.
  const stop =
    secret.length > digits ? ` before ${JSON.stringify(shorten(secret[digits] ?? ''))}` : '';
  return `${what} must be 48 bytes (the master secret of SSL 3.0 to TLS 1.2); it has ${digits} hex digits${stop}, and Wireshark needs 96`;
}

/** What one label says across a connection's lines. */
interface LabelUse {
  times: number;
  secrets: Set<string>;
  last: number;
}

/** Secrets a TLS 1.3 connection needs, and what is lost without each one. */
const TLS13_NEEDS = [
  ['CLIENT_HANDSHAKE_TRAFFIC_SECRET', 'the handshake messages the client sends (its Finished)'],
  [
    'SERVER_HANDSHAKE_TRAFFIC_SECRET',
    'the handshake messages the server sends (its certificate among them)',
  ],
  ['CLIENT_TRAFFIC_SECRET_0', 'the application data the client sends'],
  ['SERVER_TRAFFIC_SECRET_0', 'the application data the server sends'],
] as const;

// One pass over the entries and one note per label, however many lines a connection has: a paste
// of 50,000 lines for one client random must not cost 50,000 notes.
function connectionNotes(c: KeyLogConnection): string[] {
  const notes: string[] = [];
  const uses = new Map<string, LabelUse>();
  const lengths = new Set<number>();
  for (const e of c.entries) {
    const use = uses.get(e.label);
    if (use === undefined)
      uses.set(e.label, { times: 1, secrets: new Set([e.secret]), last: e.line });
    else {
      use.times++;
      use.secrets.add(e.secret);
      use.last = e.line;
    }
    if (LABELS.get(e.label)?.bytes === TLS13_BYTES) lengths.add(e.bytes);
  }
  if (c.version === 'mixed')
    notes.push(
      'Has both CLIENT_RANDOM (SSL 3.0 to TLS 1.2) and TLS 1.3 secrets for the same client random; one of them is stale or mislabelled.',
    );
  if (c.version !== 'SSL 3.0–TLS 1.2') {
    for (const [label, what] of TLS13_NEEDS) {
      if (!uses.has(label)) notes.push(`No ${label}: Wireshark cannot decrypt ${what}.`);
    }
    if (lengths.size > 1)
      notes.push(
        'Secrets of different lengths: a connection uses one hash, so some lines belong elsewhere.',
      );
  }
  for (const [label, use] of uses) {
    if (use.secrets.size > 1) {
      const times = use.times === 2 ? 'twice' : `${use.times.toLocaleString('en-US')} times`;
      notes.push(
        `${label} appears ${times} with ${use.secrets.size.toLocaleString('en-US')} different secrets; Wireshark keeps the last one (line ${use.last}).`,
      );
    }
  }
  return notes;
}

/**
 * Reads a key log a slice of lines at a time, so that a page can paint between slices of a huge
 * paste; {@link parseKeyLog} reads it all at once.
 */
export class KeyLogReader {
  readonly #text: string;
  #pos = 0;
  #line = 0;
  #lines = 0;
  #rsaEntries = 0;
  readonly #byRandom = new Map<string, KeyLogConnection>();
  readonly #problems: KeyLogProblem[] = [];
  readonly #warnings: KeyLogProblem[] = [];
  #connections: KeyLogConnection[] | undefined;
  #noted = 0;

  /** Starts reading a pasted key log. */
  constructor(text: string) {
    this.#text = text;
  }

  /** Physical lines read so far (blank lines and comments included). */
  get linesRead(): number {
    return this.#line;
  }

  /** Whether the whole text has been read. */
  get done(): boolean {
    return this.#pos > this.#text.length;
  }

  /** Reads up to `maxLines` more lines; returns whether the whole text has been read. */
  step(maxLines: number): boolean {
    const text = this.#text;
    for (let n = 0; n < maxLines && this.#pos <= text.length; n++) {
      const nl = text.indexOf('\n', this.#pos);
      const end = nl === -1 ? text.length : nl;
      // One "\r" before the "\n" is dropped, as Wireshark does: CRLF files read like LF ones.
      const crlf = end > this.#pos && text.charCodeAt(end - 1) === 13;
      const raw = text.slice(this.#pos, crlf ? end - 1 : end);
      this.#pos = end + 1;
      this.#line++;
      this.#add(raw, this.#line);
    }
    return this.done;
  }

  #add(raw: string, line: number): void {
    const result = parseLine(raw, line);
    if (result.kind === 'skip') return;
    this.#lines++;
    if (result.kind === 'problem') {
      this.#problems.push({ line, text: shorten(raw), reason: result.reason });
      return;
    }
    if (result.warning !== undefined)
      this.#warnings.push({ line, text: shorten(raw), reason: result.warning });
    if (result.kind === 'rsa') this.#rsaEntries++;
    else {
      const e = result.entry;
      const tls = LABELS.get(e.label)?.tls === '1.2' ? 'SSL 3.0–TLS 1.2' : 'TLS 1.3';
      const c = this.#byRandom.get(e.clientRandom);
      if (c === undefined) {
        this.#byRandom.set(e.clientRandom, {
          clientRandom: e.clientRandom,
          version: tls,
          entries: [e],
          notes: [],
        });
      } else {
        c.entries.push(e);
        if (c.version !== tls) c.version = 'mixed';
      }
    }
  }

  /**
   * Once every line is read, works out the notes of up to `max` more connections; returns
   * whether every connection has its notes.
   */
  noteStep(max: number): boolean {
    if (!this.done) return false;
    this.#connections ??= [...this.#byRandom.values()];
    const connections = this.#connections;
    const end = Math.min(connections.length, this.#noted + max);
    for (; this.#noted < end; this.#noted++) {
      const c = connections[this.#noted] as KeyLogConnection;
      c.notes = connectionNotes(c);
    }
    return this.#noted === connections.length;
  }

  /** Reads whatever is left and returns the report. */
  report(): KeyLogReport {
    while (!this.step(Number.POSITIVE_INFINITY));
    while (!this.noteStep(Number.POSITIVE_INFINITY));
    return {
      lines: this.#lines,
      connections: this.#connections ?? [],
      problems: this.#problems,
      warnings: this.#warnings,
      rsaEntries: this.#rsaEntries,
    };
  }
}

/** Parses a pasted key log: groups secrets by connection and flags each malformed line. */
export function parseKeyLog(text: string): KeyLogReport {
  return new KeyLogReader(text).report();
}
