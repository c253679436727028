// Creates content/posts/<slug>.mdx as a draft dated today: npm run new-post -- "Post title"
import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileSlug, localDate, parseArgs, postSource, USAGE } from '../src/core/new-post.ts';

const root = resolve(import.meta.dirname, '..');
// POSTS_DIR is the same variable content.config.ts reads, so tests can write to a scratch corpus.
const dir = resolve(root, process.env['POSTS_DIR'] ?? 'content/posts');
const parsed = parseArgs(process.argv.slice(2));
if ('error' in parsed) {
  console.error(`new-post: ${parsed.error}\n${USAGE}`);
  process.exit(2);
}
const { post } = parsed;
const slug = fileSlug(post.title);
const file = join(dir, `${slug}.mdx`);
const date = localDate(new Date());
try {
  // "wx" fails if the file exists, in the same system call that would create it.
  writeFileSync(file, postSource(post, date), { flag: 'wx' });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') {
    console.error(
      `new-post: ${relative(process.cwd(), file)} already exists; nothing was written. Edit it, or choose another title.`,
    );
    process.exit(1);
  }
  if (code === 'ENOENT') {
    console.error(`new-post: the posts folder ${dir} does not exist`);
    process.exit(1);
  }
  throw error;
}
console.log(
  `Created ${relative(process.cwd(), file)}, a draft dated ${date}. "npm run dev" shows it at /posts/${slug}/.`,
);
