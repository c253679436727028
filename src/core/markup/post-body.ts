/**
 * The author's policy, applied to a post's source before it is built: every HTML element the author
 * wrote in the MDX body and every Markdown link and image must pass `POST_SCHEMA`. What does not
 * fails the build with the file, the source line and column, and what is allowed, instead of being
 * published as is or dropped without a word. Components (capitalised names such as
 * `<BeatCalculator />`) are the site's own code and are not checked; what the author puts inside
 * them is.
 */
import type { Element, Root as HastRoot } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { h } from 'hastscript';
import type { Root, RootContent } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
  allowedSummary,
  isOtherOrigin,
  POST_LINK_SCHEMES,
  POST_SCHEMA,
  POST_SOURCE_SCHEMES,
  REFUSED_BECAUSE,
  SAME_ORIGIN_ONLY,
  URL_PROPERTIES,
} from './policy.ts';

// The frontmatter block, replaced by blank lines so that positions stay those of the source file.
const FRONTMATTER = /^(\uFEFF?\s*\n)?---[\s\S]*?\n---/;

const parser = unified().use(remarkParse).use(remarkMdx);

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
}
interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  position?: { start: { line: number; column: number } };
  children: RootContent[];
}

/** How a post's images are looked up: whether a relative image URL names an existing file. */
export type ImageExists = (url: string) => boolean;

const URL_NAMES = new Set<string>(URL_PROPERTIES);

/** The hast property an HTML attribute name becomes ("http-equiv" → "httpEquiv", "class" → "className"). */
function propertyOf(tag: string, attribute: string): string | undefined {
  const el = h(tag, { [attribute]: 'x' });
  return Object.keys(el.properties)[0];
}

/** What the sanitiser keeps of one element with these properties (no children). */
function kept(tag: string, properties: Element['properties']): Element | undefined {
  const root: HastRoot = {
    type: 'root',
    children: [{ type: 'element', tagName: tag, properties: { ...properties }, children: [] }],
  };
  const out = sanitize(root, POST_SCHEMA);
  const first = out.type === 'root' ? out.children[0] : undefined;
  return first?.type === 'element' && first.tagName === tag ? first : undefined;
}

/** A JSX attribute value the build can read: text, `{"text"}` or `{123}`; undefined when it is code. */
function literal(value: JsxAttribute['value']): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  const m = /^\s*(?:(["'])((?:(?!\1)[^\\])*)\1|(-?\d+(?:\.\d+)?))\s*$/.exec(value.value);
  return m ? (m[2] ?? m[3]) : undefined;
}

/** Why a URL in a `property` is refused by the policy, or undefined when it passes. */
function urlProblem(tag: string, property: string, url: string): string | undefined {
  if (kept(tag, { [property]: url })?.properties?.[property] !== undefined) return undefined;
  const schemes = property === 'href' ? POST_LINK_SCHEMES : POST_SOURCE_SCHEMES;
  const scheme = /^\s*([^:/?#]*):/.exec(url)?.[1] ?? url;
  return `the URL scheme "${scheme}:" is not allowed here; use ${schemes.join(', ')} or a relative URL`;
}

/** Every problem with one HTML element the author wrote. */
function elementProblems(el: JsxElement): string[] {
  const tag = (el.name ?? '').toLowerCase();
  if (!(POST_SCHEMA.tagNames ?? []).includes(tag)) {
    const why = REFUSED_BECAUSE.get(tag);
    return [`<${tag}> is not allowed in a post${why ? `: ${why}` : ''}`];
  }
  const problems: string[] = [];
  for (const attribute of el.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute' || attribute.name === undefined) {
      problems.push(
        `<${tag}> has a spread attribute {…}, which the build cannot check; write each attribute`,
      );
      continue;
    }
    const name = attribute.name;
    if (/^on/i.test(name)) {
      problems.push(
        `<${tag} ${name}>: event attributes run script and are not allowed; put behaviour in a component`,
      );
      continue;
    }
    const property = propertyOf(tag, name);
    if (property === undefined) continue;
    const value = literal(attribute.value);
    if (value === undefined && URL_NAMES.has(property)) {
      problems.push(
        `<${tag} ${name}={…}>: write the URL as text in quotes, so the build can check it`,
      );
      continue;
    }
    if (kept(tag, { [property]: value ?? 'x' })?.properties?.[property] === undefined) {
      const webUrlKept =
        URL_NAMES.has(property) &&
        kept(tag, { [property]: 'https://a.example/' })?.properties?.[property] !== undefined;
      problems.push(
        webUrlKept
          ? `<${tag} ${name}="${value}">: ${urlProblem(tag, property, value ?? '')}`
          : `<${tag} ${name}>: the attribute ${name} is not allowed on <${tag}>`,
      );
      continue;
    }
    const sameSite = SAME_ORIGIN_ONLY.get(tag);
    if (sameSite === property && value !== undefined && isOtherOrigin(value)) {
      problems.push(
        `<${tag} ${name}="${value}"> loads another site; a post may embed only this site's own pages (a relative URL), or link to the other site instead`,
      );
    }
  }
  return problems;
}

/** The text of a relative image URL as a file path: no query or fragment, percent-decoded. */
function imagePath(url: string): string {
  const bare = url.replace(/[?#].*$/, '');
  try {
    return decodeURI(bare);
  } catch {
    return bare;
  }
}

/**
 * Every way a post's body breaks the author's policy, as "file:line:column: what" lines, each
 * ending in nothing (the caller adds what is allowed once). Also names relative images that do
 * not exist, at their source line. Source that is not valid MDX gives no problem here: the MDX
 * compiler reports it with its own position.
 */
export function postBodyProblems(source: string, file: string, imageExists: ImageExists): string[] {
  const body = source.replace(FRONTMATTER, (block) => block.replace(/[^\n]/g, ' '));
  let tree: Root;
  try {
    tree = parser.parse(body);
  } catch {
    return [];
  }
  const problems: string[] = [];
  const at = (
    node: { position?: { start: { line: number; column: number } } | undefined },
    what: string,
  ) =>
    problems.push(
      `${file}:${node.position?.start.line ?? 0}:${node.position?.start.column ?? 0}: ${what}`,
    );
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const el = node as unknown as JsxElement;
        // Capitalised or dotted names are components; a fragment (<>) has no name.
        if (el.name !== null && /^[a-z][a-z0-9-]*$/.test(el.name)) {
          for (const p of elementProblems(el)) at(el, p);
        }
      } else if (node.type === 'link' || node.type === 'definition') {
        const p = urlProblem('a', 'href', node.url);
        if (p) at(node, `the link to "${node.url}": ${p}`);
      } else if (node.type === 'image') {
        const p = urlProblem('img', 'src', node.url);
        if (p) at(node, `the image "${node.url}": ${p}`);
        else if (
          !isOtherOrigin(node.url) &&
          !node.url.startsWith('/') &&
          !imageExists(imagePath(node.url))
        ) {
          at(
            node,
            `the image "${node.url}" does not exist; put the file there or fix the path (relative to the post)`,
          );
        }
      }
      if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk(tree.children);
  return problems;
}

/** The sentence every markup failure ends with: what a post may carry. */
export function allowedMarkup(): string {
  return `A post's HTML may use ${allowedSummary()}. The policy is src/core/markup/policy.ts.`;
}
