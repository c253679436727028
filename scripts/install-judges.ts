/**
 * `npm test`'s first step (and `npm run judges`): finds which outside judges of scripts/judges.ts
 * this machine lacks and, as root or with password-less sudo on Debian or Ubuntu, installs exactly
 * those packages; otherwise it stops before any test with the list and the command to run.
 * `--list` prints every judge and whether it is here, and changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { installCommand, JUDGES, type Judge, type Machine, plan } from './judges.ts';

/** Whether a judge's probe finds it on this machine. */
function present(judge: Judge): boolean {
  const p = judge.probe;
  if ('file' in p) return existsSync(p.file);
  if ('python' in p) {
    if (!existsSync('/usr/bin/python3')) return false;
    return spawnSync('/usr/bin/python3', ['-c', `import ${p.python}`]).status === 0;
  }
  const dirs = ['/usr/bin', ...(process.env['PATH'] ?? '').split(delimiter)];
  return dirs.some((d) => d !== '' && existsSync(join(d, p.command)));
}

/** Who runs this and what the machine offers for installing packages. */
function machine(): Machine {
  const root = process.getuid?.() === 0;
  const sudo = !root && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  return { root, sudo, aptGet: existsSync('/usr/bin/apt-get') };
}

/** Runs apt-get (through sudo when not root), showing its output; exits on failure. */
function aptGet(args: readonly string[], sudo: boolean): void {
  const argv = ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
  const [cmd, ...rest] = sudo ? ['sudo', '-n', ...argv] : argv;
  const r = spawnSync(cmd as string, rest, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${[cmd, ...rest].join(' ')} failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
}

if (process.argv.includes('--list')) {
  for (const j of JUDGES) {
    console.log(
      `${present(j) ? 'here   ' : 'missing'}  ${j.debian.padEnd(24)} ${j.name}: ${j.why}`,
    );
  }
  console.log(`\nTo install them all: ${installCommand(JUDGES.map((j) => j.debian))}`);
  process.exit(0);
}

const missing = JUDGES.filter((j) => !present(j));
const next = plan(missing, machine());
if (next.kind === 'stop') {
  console.error(next.message);
  process.exit(1);
}
if (next.kind === 'install') {
  console.log(
    `npm test installs the judges it lacks (Debian packages ${next.packages.join(', ')}):\n` +
      missing.map((j) => `  - ${j.name}: ${j.why}`).join('\n'),
  );
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  aptGet(['update', '-qq', ...lock], next.sudo);
  aptGet(['install', '-y', '-qq', '--no-install-recommends', ...lock, ...next.packages], next.sudo);
  const still = JUDGES.filter((j) => !present(j));
  if (still.length > 0) {
    console.error(`Installed, yet still missing: ${still.map((j) => j.name).join(', ')}.`);
    process.exit(1);
  }
  console.log('Judges installed.');
}
