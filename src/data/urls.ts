import { absoluteUrl, joinBase } from '../core/paths.ts';

const BASE = import.meta.env.BASE_URL;

/** A site-relative path ("posts/x/") as a link under the configured base path. */
export function href(path: string): string {
  return joinBase(BASE, path);
}

/** A site-relative path as an absolute URL on the configured site. */
export function absolute(path: string, site: URL | undefined): string {
  if (!site)
    throw new Error('The `site` option is not set; set SITE_URL or the default in site.config.ts');
  return absoluteUrl(site.origin, BASE, path);
}

export { postPath, ROUTES, tagPath } from '../core/routes.ts';
