import { codeToHast, type ShikiTransformer } from 'shiki';
import { describe, expect, it } from 'vitest';
import { untimedTokenizer } from '../../src/core/markdown/untimed-tokenizer.ts';

describe('highlighting is the same on a busy machine', () => {
  it('Shiki tokenises with no time limit once the transformer ran', async () => {
    let limit: number | undefined;
    const spy: ShikiTransformer = {
      preprocess(_code, options) {
        limit = options.tokenizeTimeLimit;
      },
    };
    await codeToHast(
      "ssh -o 'ProxyCommand=inetcat 44' mobile@iPhone sslkeylog | tee /tmp/ssl.log",
      {
        lang: 'sh',
        themes: { light: 'github-light', dark: 'github-dark-default' },
        transformers: [untimedTokenizer, spy],
      },
    );
    expect(limit).toBe(0);
  });
});
