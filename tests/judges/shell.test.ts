import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/core/hostapd/commands.ts';

describe('the companion commands quote names for a real shell', () => {
  it.each(['$(reboot)', "a'b", 'a"b', '#x', '*', '`id`', '\\n', 'é€', '!x', '&&', '~x'])(
    'sh reads %s back unchanged',
    (name) => {
      const run = spawnSync('sh', ['-c', `printf %s ${shellQuote(name)}`], { encoding: 'utf8' });
      expect(run.stdout).toBe(name);
    },
  );
});
