/** Everything the site says about itself, read by pages, meta tags and feeds alike. */
export interface SiteMetadata {
  /** Site name, shown in the header, page titles and feed titles. */
  readonly title: string;
  /** One-sentence summary used as the default meta description and feed description. */
  readonly description: string;
  /** The author's display name. */
  readonly author: string;
  /** The author's handle on IRC, GitLab and KDE Invent. */
  readonly handle: string;
  /** BCP 47 language tag of the content. */
  readonly lang: string;
  /** Open Graph locale (language_TERRITORY). */
  readonly locale: string;
  /** Absolute URL used when the SITE_URL environment variable is not set. */
  readonly defaultSiteUrl: string;
}

export const SITE: SiteMetadata = {
  title: 'nicolas17’s notes',
  description:
    'A KDE sysadmin and Apple reverse engineer writes about servers, load averages, backups and iOS internals.',
  author: 'Nicolás Alvarez',
  handle: 'nicolas17',
  lang: 'en',
  locale: 'en_US',
  defaultSiteUrl: 'https://blog.nicolas17.xyz',
};

/** How much one page or one feed file holds, so both stay small however many posts the blog has. */
export interface ListingLimits {
  /** Posts in every feed file (the newest ones), in every format. */
  readonly feedPosts: number;
  /** Posts per listing page: the home page, `/page/2/`…, and each tag's pages. */
  readonly postsPerPage: number;
}

export const LIMITS: ListingLimits = {
  feedPosts: 20,
  postsPerPage: 10,
};

/** The author on the fediverse, and whose replies never appear under the posts. */
export interface FediverseSettings {
  /**
   * The author's account as "@user@instance": every page then carries `fediverse:creator` and a
   * `rel="me"` link to its profile. Undefined: neither.
   */
  readonly account: string | undefined;
  /** Accounts ("@user@instance") whose replies `npm run replies` drops and no page shows. */
  readonly blocked: readonly string[];
}

export const FEDIVERSE: FediverseSettings = {
  account: undefined,
  blocked: [],
};
