import { join } from 'node:path';
import * as site from '../support/site.ts';

/**
 * The shared extra build (real posts + tests/fixtures/posts + synthetic posts, base "/"). The lead's
 * harness exports it as EXTRA_BUILD from tests/support/site.ts; until that lands, the same folder.
 */
export const EXTRA: { readonly dir: string; readonly base: string } = (
  site as { EXTRA_BUILD?: { dir: string; base: string } }
).EXTRA_BUILD ?? { dir: join(site.ROOT, 'dist-extra'), base: '/' };

/** The fixture posts that the extra build carries beside the real ones. */
export const FIXTURES = join(site.ROOT, 'tests/fixtures/posts');
