/**
 * The search page's custom element: loads Pagefind on first use and renders its results; the
 * query stays in the page address.
 */
import { ROUTES } from '../../core/routes.ts';
import type { Hit, PagefindApi, Segment } from '../../core/search/results.ts';

const BASE = import.meta.env.BASE_URL;
const MAX_RESULTS = 10;
let engine: Promise<PagefindApi> | undefined;

/** pagefind.js and its index load on first use, from this build's own base path. */
function loadEngine(): Promise<PagefindApi> {
  engine ??= (async () => {
    const url = `${BASE}${ROUTES.pagefind}pagefind.js`;
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await api.options({ baseUrl: BASE, excerptLength: 24 });
    await api.init();
    return api;
  })();
  return engine;
}

// A chunk with a dynamic import stays an external file: Astro would inline a small self-contained
// script into the page, and the Content-Security-Policy allows no inline script.
const helpers = () => import('../../core/search/results.ts');

function text(segments: Segment[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const s of segments) {
    if (s.mark) {
      const m = document.createElement('mark');
      m.textContent = s.text;
      frag.append(m);
    } else frag.append(s.text);
  }
  return frag;
}

function link(url: string, label: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = url;
  a.textContent = label;
  return a;
}

function renderHit(hit: Hit): HTMLLIElement {
  const li = document.createElement('li');
  const h = document.createElement('h2');
  h.append(link(hit.url, hit.title));
  li.append(h);
  if (hit.sections.length === 0) {
    const p = document.createElement('p');
    p.append(text(hit.excerpt));
    li.append(p);
    return li;
  }
  const ul = document.createElement('ul');
  ul.setAttribute('aria-label', `Sections of “${hit.title}”`);
  for (const s of hit.sections) {
    const item = document.createElement('li');
    const p = document.createElement('p');
    p.append(text(s.excerpt));
    item.append(link(s.url, s.title), p);
    ul.append(item);
  }
  li.append(ul);
  return li;
}

class SiteSearch extends HTMLElement {
  #run = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('#search-form');
    const input = this.querySelector<HTMLInputElement>('#search-q');
    const status = this.querySelector<HTMLElement>('#search-status');
    const list = this.querySelector<HTMLOListElement>('#search-results');
    if (!form || !input || !status || !list) return;
    const search = async (raw: string) => {
      const run = ++this.#run;
      try {
        const { normaliseQuery, searchStatus, statusMessage, toHit } = await helpers();
        const query = normaliseQuery(raw);
        const url = new URL(location.href);
        if (query) url.searchParams.set('q', query);
        else url.searchParams.delete('q');
        history.replaceState(null, '', url);
        if (!query) {
          list.replaceChildren();
          status.textContent = statusMessage('', 0);
          return;
        }
        const api = await loadEngine();
        const found = await api.search(query);
        if (!found || run !== this.#run) return;
        const pages = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
        if (run !== this.#run) return;
        list.replaceChildren(...pages.map((p) => renderHit(toHit(p))));
        status.textContent = searchStatus(query, pages, found.results.length);
      } catch (error) {
        if (run !== this.#run) return;
        list.replaceChildren();
        status.textContent =
          'Search is unavailable: its index is made by “npm run build”, so it works on the built site, not in “npm run dev”.';
        console.warn('Search failed to load', error);
      }
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#timer);
      void search(input.value);
    });
    input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void search(input.value), 150);
    });
    const initial = new URLSearchParams(location.search).get('q') ?? '';
    input.value = initial;
    void search(initial);
  }
}

customElements.define('site-search', SiteSearch);
