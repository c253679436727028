// Checks that no post copies a run of 8 words from the source text it retells:
//   npm run check-retelling -- <source.txt> [posts folder, default content/posts]
// Not part of npm test: the source text lives outside the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copiedRuns, RETELLING_RULE } from '../src/core/retelling.ts';

const [sourcePath, postsArg] = process.argv.slice(2);
if (sourcePath === undefined) {
  console.error('check-retelling: give the source text: npm run check-retelling -- <source.txt>');
  process.exit(2);
}
if (!existsSync(sourcePath)) {
  console.error(`check-retelling: source text ${sourcePath} not found`);
  process.exit(2);
}
const postsDir = resolve(postsArg ?? join(import.meta.dirname, '../content/posts'));
const posts = readdirSync(postsDir).filter((f) => f.endsWith('.mdx'));
if (posts.length === 0) {
  console.error(`check-retelling: no .mdx posts in ${postsDir}`);
  process.exit(2);
}

const source = readFileSync(sourcePath, 'utf8');
let copied = 0;
for (const file of posts.sort()) {
  const runs = copiedRuns(readFileSync(join(postsDir, file), 'utf8'), source);
  copied += runs.length;
  for (const run of runs) console.error(`${file}: copies "${run}"`);
}
if (copied > 0) {
  console.error(
    `check-retelling: ${copied} run(s) of ${RETELLING_RULE.runLength} words copied from ${sourcePath}`,
  );
  process.exit(1);
}
console.log(
  `check-retelling: ${posts.length} posts, no run of ${RETELLING_RULE.runLength} words copied from ${sourcePath}`,
);
