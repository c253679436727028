/** What a schema.org BlogPosting needs to know about a post; URLs are absolute. */
export interface BlogPostingInput {
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly image?: string | undefined;
  readonly published: Date;
  readonly modified?: Date | undefined;
  readonly tags: readonly string[];
  readonly author: { readonly name: string; readonly url: string };
  readonly lang: string;
}

/** A schema.org BlogPosting object for the post's JSON-LD block. */
export function blogPosting(post: BlogPostingInput): Record<string, unknown> {
  const author = { '@type': 'Person', name: post.author.name, url: post.author.url };
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.description,
    url: post.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': post.url },
    ...(post.image ? { image: post.image } : {}),
    datePublished: post.published.toISOString(),
    dateModified: (post.modified ?? post.published).toISOString(),
    author,
    publisher: author,
    keywords: post.tags.join(', '),
    inLanguage: post.lang,
  };
}

/**
 * JSON text safe inside `<script type="application/ld+json">`: `<`, `>` and `&` are escaped so no
 * title can close the element, and U+2028/U+2029 so the text is also valid JavaScript.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
