/**
 * The replies section's element: the instance form goes to the reader's own instance, and "Show
 * newer replies" asks the toot's instance for its replies only when clicked, loading the
 * sanitiser and view then (replies-live.ts), never before.
 */
import { LABELS } from '../../core/replies/labels.ts';
import { authorizeUrl, instanceOf, parseToot } from '../../core/replies/toot.ts';

class FediverseRepliesElement extends HTMLElement {
  connectedCallback(): void {
    const parsed = parseToot(this.dataset['toot']);
    if (!('toot' in parsed)) throw new Error(`fediverse-replies: ${parsed.error}`);
    const { toot } = parsed;
    const form = this.querySelector('form');
    const input = form?.querySelector<HTMLInputElement>('input[name="instance"]');
    const error = form?.querySelector('.reply-form-error');
    form?.addEventListener('submit', (event) => {
      event.preventDefault();
      const host = instanceOf(input?.value ?? '');
      if (!host) {
        if (error) error.textContent = LABELS.badInstance;
        input?.setAttribute('aria-invalid', 'true');
        input?.focus();
        return;
      }
      if (error) error.textContent = '';
      input?.removeAttribute('aria-invalid');
      // A navigation, not a form submission: the page's form-action allows the toot's instance only.
      window.location.assign(authorizeUrl(host, toot));
    });
    this.querySelector('.reply-nojs')?.setAttribute('hidden', '');
    const refresh = this.querySelector<HTMLElement>('.reply-refresh');
    const button = refresh?.querySelector('button');
    const status = refresh?.querySelector('.reply-status');
    if (!refresh || !button || !status) return;
    refresh.hidden = false;
    button.addEventListener('click', async () => {
      button.disabled = true;
      status.textContent = LABELS.refreshing;
      try {
        const { showNewer } = await import('./replies-live.ts');
        status.textContent = await showNewer(this, toot);
      } finally {
        button.disabled = false;
      }
    });
  }
}

if (!customElements.get('fediverse-replies')) {
  customElements.define('fediverse-replies', FediverseRepliesElement);
}
