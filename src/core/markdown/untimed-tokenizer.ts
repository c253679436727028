import type { ShikiTransformer } from 'shiki';

/**
 * Shiki gives up tokenising a line after 500 ms by default and colours the rest of it plainly, so
 * on a busy machine the same code block could come out highlighted differently from one build to
 * the next (seen here: one `|` coloured as a string in one build and a keyword in another). With
 * no time limit, every build writes the same HTML.
 */
export const untimedTokenizer: ShikiTransformer = {
  name: 'untimed-tokenizer',
  preprocess(_code, options) {
    // The options object is the one Shiki tokenises with next.
    options.tokenizeTimeLimit = 0;
  },
};
