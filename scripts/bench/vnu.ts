/**
 * The W3C Nu Html Checker (vnu.jar from the vnu-jar package) run on Debian's Java, on many files
 * in one JVM, with a page of known mistakes checked alongside to prove errors do get reported.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { judgeForPackage, missingMessage } from '../judges.ts';

/** The checker's jar, as the vnu-jar package ships it (its JRE download is not used). */
export const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

/** Debian's java, or a failure naming the package .ci/run installs. */
export function java(): string {
  const found = ['/usr/bin', ...(process.env['PATH'] ?? '').split(delimiter)]
    .map((d) => join(d, 'java'))
    .find((p) => existsSync(p));
  if (!found) {
    throw new Error(missingMessage(judgeForPackage('default-jre-headless')));
  }
  return found;
}

const CANARY = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>canary</title></head>
<body><ul><p>not a list item</p></ul></body></html>
`;

/** One complaint, as `file:line: message` plus the offending extract. */
export interface NuReport {
  /** Errors (and fatal problems reading a file) in the given files; warnings are left out. */
  readonly errors: string[];
  /** Files the checker did not say it checked. */
  readonly unchecked: string[];
}

/** Checks HTML files in one Java run and returns their errors; throws if the checker is broken. */
export function nuCheck(files: readonly string[]): NuReport {
  const scratch = mkdtempSync(join(tmpdir(), 'vnu-'));
  const canary = join(scratch, 'canary.html');
  writeFileSync(canary, CANARY);
  try {
    const r = spawnSync(
      java(),
      ['-jar', VNU_JAR, '--format', 'json', '--verbose', '--exit-zero-always', canary, ...files],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 240_000 },
    );
    if (r.error) throw new Error(`could not run ${java()}: ${r.error.message}`);
    let report: {
      messages: {
        type: string;
        url?: string;
        lastLine?: number;
        message: string;
        extract?: string;
      }[];
    };
    try {
      // The JSON report goes to stderr; --verbose names each document on stdout as it is read.
      report = JSON.parse(r.stderr);
    } catch {
      throw new Error(`the Nu checker did not report (exit ${r.status}):\n${r.stderr}`);
    }
    const pathOf = (url: string | undefined) => (url ? new URL(url).pathname : '(checker)');
    const problems = report.messages.filter((m) => m.type !== 'info');
    if (!problems.some((m) => pathOf(m.url) === canary)) {
      throw new Error('the Nu checker reported nothing about a page with a known error');
    }
    return {
      errors: problems
        .filter((m) => pathOf(m.url) !== canary)
        .map((m) => {
          const extract = m.extract ? `\n    ${m.extract.trim()}` : '';
          return `${pathOf(m.url)}:${m.lastLine ?? '?'}: ${m.message}${extract}`;
        }),
      unchecked: files.filter((f) => !r.stdout.includes(f)),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
