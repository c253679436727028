// Parses TLS key logs in the NSS key log format (SSLKEYLOGFILE) that Wireshark reads, as written
// by browsers, curl or the sslkeylog tweak on iOS. Wireshark matches each line against a fixed
// pattern from its start, exactly one space between fields, and silently skips what does not
// match; this parser is stricter and says why a line would be skipped or misread.

/** What a label's secret is and which TLS version writes it. */
interface LabelSpec {
  tls: '1.2' | '1.3';
  /** Allowed secret lengths in bytes; empty for any non-zero length. */
  bytes: readonly number[];
  meaning: string;
}

// TLS 1.3 secrets are as long as the suite's hash: 32 bytes for SHA-256 suites
// (TLS_AES_128_GCM_SHA256, TLS_CHACHA20_POLY1305_SHA256), 48 for TLS_AES_256_GCM_SHA384.
const TLS13_BYTES = [32, 48] as const;

// A Map, not an object literal: the label is pasted text, and "toString" or "__proto__" must be
// unknown labels rather than members inherited from Object.prototype.
const LABELS: ReadonlyMap<string, LabelSpec> = new Map<string, LabelSpec>([
  ['CLIENT_RANDOM', { tls: '1.2', bytes: [48], meaning: 'master secret' }],
  ['PMS_CLIENT_RANDOM', { tls: '1.2', bytes: [], meaning: 'pre-master secret' }],
  ['CLIENT_EARLY_TRAFFIC_SECRET', { tls: '1.3', bytes: TLS13_BYTES, meaning: 'client 0-RTT data' }],
  [
    'CLIENT_HANDSHAKE_TRAFFIC_SECRET',
    { tls: '1.3', bytes: TLS13_BYTES, meaning: 'client handshake' },
  ],
  [
    'SERVER_HANDSHAKE_TRAFFIC_SECRET',
    { tls: '1.3', bytes: TLS13_BYTES, meaning: 'server handshake' },
  ],
  [
    'CLIENT_TRAFFIC_SECRET_0',
    { tls: '1.3', bytes: TLS13_BYTES, meaning: 'client application data' },
  ],
  [
    'SERVER_TRAFFIC_SECRET_0',
    { tls: '1.3', bytes: TLS13_BYTES, meaning: 'server application data' },
  ],
  ['EARLY_EXPORTER_SECRET', { tls: '1.3', bytes: TLS13_BYTES, meaning: 'early exporter' }],
  ['EXPORTER_SECRET', { tls: '1.3', bytes: TLS13_BYTES, meaning: 'exporter' }],
  ['ECH_SECRET', { tls: '1.3', bytes: [], meaning: 'Encrypted Client Hello secret' }],
  ['ECH_CONFIG', { tls: '1.3', bytes: [], meaning: 'Encrypted Client Hello config' }],
]);

/** One well-formed line. */
export interface KeyLogEntry {
  line: number;
  label: string;
  /** Lower-case hex of the connection's 32-byte client random. */
  clientRandom: string;
  /** Lower-case hex of the secret. */
  secret: string;
  bytes: number;
  meaning: string;
}

/** A line Wireshark would skip or misread, with its 1-based number and why. */
export interface KeyLogProblem {
  line: number;
  /** The line, shortened for display. */
  text: string;
  reason: string;
}

/** All the secrets logged for one connection, keyed by its client random. */
export interface KeyLogConnection {
  clientRandom: string;
  /** TLS 1.2 (or older) when it has CLIENT_RANDOM, TLS 1.3 with the *_SECRET labels. */
  version: 'TLS 1.2' | 'TLS 1.3' | 'mixed';
  entries: KeyLogEntry[];
  /** What Wireshark will and will not be able to decrypt with these secrets. */
  notes: string[];
}

/** Everything the inspector shows about a pasted key log. */
export interface KeyLogReport {
  /** Lines that were not blank or comments. */
  lines: number;
  connections: KeyLogConnection[];
  problems: KeyLogProblem[];
  /** RSA lines, keyed by the encrypted pre-master secret rather than a connection. */
  rsaEntries: number;
}

/** Example key log from the iOS TLS post: one TLS 1.3 connection and one TLS 1.2. */
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
    const bad = value.match(/[^0-9a-fA-F]/)?.[0] ?? '';
    return `${what} must be hex digits (0–9, a–f); found ${JSON.stringify(bad)}`;
  }
  if (value.length % 2 === 1) return `${what} has an odd number of hex digits (${value.length})`;
  if (expectedBytes !== undefined) {
    return `${what} must be ${expectedBytes}; it is ${value.length / 2} bytes (${value.length} hex digits)`;
  }
  return undefined;
}

type LineResult =
  | { kind: 'skip' }
  | { kind: 'rsa' }
  | { kind: 'entry'; entry: KeyLogEntry }
  | { kind: 'problem'; reason: string };

function parseLine(raw: string, line: number): LineResult {
  if (raw.trim() === '') return { kind: 'skip' };
  if (raw.startsWith('#')) return { kind: 'skip' };
  if (/^\s/.test(raw)) {
    return {
      kind: 'problem',
      reason: 'starts with whitespace; Wireshark only reads a label at the very start of a line',
    };
  }
  if (/\s$/.test(raw)) return { kind: 'problem', reason: 'ends with whitespace after the secret' };
  const control = raw.match(/\p{Cc}/u)?.[0];
  if (control !== undefined) {
    return {
      kind: 'problem',
      reason: `contains a control character (U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`,
    };
  }
  if (/\s{2,}|\t/.test(raw)) {
    return {
      kind: 'problem',
      reason: 'fields must be separated by exactly one space, as Wireshark expects',
    };
  }
  const fields = raw.split(' ');
  const label = fields[0] ?? '';

  if (label === 'RSA') {
    if (fields[1]?.startsWith('Session-ID:')) {
      return /^RSA Session-ID:(?:[0-9a-fA-F]{2})+ Master-Key:[0-9a-fA-F]{96}$/.test(raw)
        ? { kind: 'rsa' }
        : {
            kind: 'problem',
            reason: 'RSA Session-ID lines read: RSA Session-ID:<hex> Master-Key:<48 bytes of hex>',
          };
    }
    if (fields.length !== 3)
      return {
        kind: 'problem',
        reason: 'RSA lines have 3 fields: RSA <encrypted pre-master prefix> <pre-master secret>',
      };
    const prefix = fields[1] ?? '';
    const pms = fields[2] ?? '';
    const reason =
      (prefix.length === 16
        ? hexProblem('the encrypted pre-master prefix', prefix)
        : hexProblem('the encrypted pre-master prefix', prefix, '8 bytes')) ??
      (pms.length === 96
        ? hexProblem('the pre-master secret', pms)
        : hexProblem('the pre-master secret', pms, '48 bytes'));
    return reason === undefined ? { kind: 'rsa' } : { kind: 'problem', reason };
  }

  const spec = LABELS.get(label);
  if (spec === undefined) {
    const upper = !LABELS.has(label.toUpperCase())
      ? ''
      : ` (labels are upper case: ${label.toUpperCase()})`;
    return {
      kind: 'problem',
      reason: `unknown label ${JSON.stringify(shorten(label))}${upper}; expected CLIENT_RANDOM or a TLS 1.3 label such as CLIENT_TRAFFIC_SECRET_0`,
    };
  }
  if (fields.length !== 3) {
    return {
      kind: 'problem',
      reason: `has ${fields.length} field${fields.length === 1 ? '' : 's'}; expected 3: ${label} <client random> <secret>`,
    };
  }
  const clientRandom = fields[1] ?? '';
  const secret = fields[2] ?? '';
  const crReason =
    clientRandom.length === 64
      ? hexProblem('the client random', clientRandom)
      : hexProblem('the client random', clientRandom, '32 bytes');
  if (crReason !== undefined) return { kind: 'problem', reason: crReason };
  const sizes = spec.bytes;
  const secretBytes = secret.length / 2;
  const sizeText = sizes.length === 1 ? `${sizes[0]} bytes` : `${sizes.join(' or ')} bytes`;
  let secretReason = hexProblem(`the ${label} secret`, secret);
  if (secretReason === undefined && secret.length === 0)
    secretReason = `the ${label} secret is empty`;
  if (secretReason === undefined && sizes.length > 0 && !sizes.includes(secretBytes)) {
    secretReason = hexProblem(
      `the ${label} secret`,
      secret,
      label === 'CLIENT_RANDOM'
        ? '48 bytes (the TLS 1.2 master secret)'
        : `${sizeText} (the hash length of the cipher suite)`,
    );
  }
  if (secretReason !== undefined) return { kind: 'problem', reason: secretReason };
  return {
    kind: 'entry',
    entry: {
      line,
      label,
      clientRandom: clientRandom.toLowerCase(),
      secret: secret.toLowerCase(),
      bytes: secretBytes,
      meaning: spec.meaning,
    },
  };
}

function connectionNotes(c: KeyLogConnection): string[] {
  const notes: string[] = [];
  const has = (l: string): boolean => c.entries.some((e) => e.label === l);
  if (c.version === 'mixed')
    notes.push(
      'Has both TLS 1.2 and TLS 1.3 secrets for the same client random; one of them is stale or mislabelled.',
    );
  if (c.version !== 'TLS 1.2') {
    if (!has('CLIENT_HANDSHAKE_TRAFFIC_SECRET') || !has('SERVER_HANDSHAKE_TRAFFIC_SECRET')) {
      notes.push(
        'Missing a handshake traffic secret: Wireshark cannot decrypt the certificate and the rest of the handshake.',
      );
    }
    if (!has('CLIENT_TRAFFIC_SECRET_0') || !has('SERVER_TRAFFIC_SECRET_0')) {
      notes.push(
        'Missing an application traffic secret: Wireshark cannot decrypt the HTTP data in both directions.',
      );
    }
    const lengths = new Set(
      c.entries.filter((e) => LABELS.get(e.label)?.bytes === TLS13_BYTES).map((e) => e.bytes),
    );
    if (lengths.size > 1)
      notes.push(
        'Secrets of different lengths: a connection uses one hash, so some lines belong elsewhere.',
      );
  }
  const seen = new Map<string, string>();
  for (const e of c.entries) {
    const before = seen.get(e.label);
    if (before !== undefined && before !== e.secret) {
      notes.push(
        `${e.label} appears twice with different secrets (line ${e.line}); Wireshark keeps the last one.`,
      );
    }
    seen.set(e.label, e.secret);
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
      // A trailing "\r" from a Windows editor is dropped, as Wireshark does.
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
    if (result.kind === 'rsa') this.#rsaEntries++;
    else if (result.kind === 'problem')
      this.#problems.push({ line, text: shorten(raw), reason: result.reason });
    else {
      const e = result.entry;
      const tls = LABELS.get(e.label)?.tls === '1.2' ? 'TLS 1.2' : 'TLS 1.3';
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
      rsaEntries: this.#rsaEntries,
    };
  }
}

/** Parses a pasted key log: groups secrets by connection and flags each malformed line. */
export function parseKeyLog(text: string): KeyLogReport {
  return new KeyLogReader(text).report();
}
