/**
 * The search page's custom element: loads Pagefind on first use and renders its results; the
 * query stays in the page address.
 */
import { ROUTES } from '../../core/routes.ts';
import type { PagefindApi } from '../../core/search/results.ts';
import { morph } from '../widgets/morph.ts';

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
const view = () => import('../../core/search/view.ts');

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
          morph(list, '');
          status.textContent = statusMessage('', 0);
          return;
        }
        const api = await loadEngine();
        const found = await api.search(query);
        if (!found || run !== this.#run) return;
        const pages = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
        if (run !== this.#run) return;
        morph(list, (await view()).hitsHtml(pages.map((p) => toHit(p))));
        status.textContent = searchStatus(query, pages, found.results.length);
      } catch (error) {
        if (run !== this.#run) return;
        morph(list, '');
        status.textContent = (await view()).SEARCH_UNAVAILABLE;
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
