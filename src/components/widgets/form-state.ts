/**
 * The widget kit's browser side: one form-state helper for every widget's custom element. It reads
 * the fields that src/core/widgets/field.ts rendered, validates them with the model's own rules,
 * shows each message at its field, hands the result to the widget to render, keeps chosen fields
 * in the page address, and resets. Any exception in validate or render becomes an inline message
 * through `fail`, never a stale result.
 *
 *   const form = new FormState(this, {
 *     instance: 'beat',                              // the ids' prefix, as given to fieldHtml
 *     defaults: { interval: '5', hz: '250', burst: '20' },
 *     validate: validateBeat,                        // (values) => { ok, value } | { ok: false, errors }
 *     render: (checked, values) => { ... },          // write the outputs
 *     fail: (message) => { ... },                    // show an unexpected error instead of a result
 *     urlKeys: ['interval', 'hz', 'burst'],          // optional: kept in the query string
 *     debounceMs: 150,                               // optional: update after a pause in typing
 *   });
 *   form.start();
 *
 * A `<button type="reset">` inside the widget's form restores the defaults through `reset()`.
 */
import { escapeHtml } from '../../core/html.ts';
import type { Checked } from '../../core/widgets/checked.ts';
import { describedBy, fieldIds } from '../../core/widgets/field.ts';
import {
  type FormValues,
  queryWithout,
  queryWithValues,
  valuesFromQuery,
} from '../../core/widgets/query.ts';

export type { Checked, FormValues };

/** How a widget plugs into the form state. */
export interface FormStateOptions<V extends FormValues<V>, T> {
  /** The id prefix of this widget instance, as passed to fieldHtml. */
  readonly instance: string;
  /** Every field and its opening value; `reset()` brings these back. */
  readonly defaults: V;
  /** The model's rules; messages are keyed by field key. */
  readonly validate: (values: V) => Checked<T>;
  /** Writes the outputs for a result (valid or not). */
  readonly render: (checked: Checked<T>, values: V) => void;
  /** Shows an unexpected error in place of the result. */
  readonly fail: (message: string) => void;
  /** Fields kept in the page address after each valid edit; none unless given. */
  readonly urlKeys?: readonly (keyof V & string)[];
  /**
   * Wait this long after the last keystroke before updating (for free text that is costly to
   * parse, such as a big paste); updates at once unless given.
   */
  readonly debounceMs?: number;
}

/** What a widget shows in place of its result when its update threw: the message and a way out. */
export function failureHtml(message: string): string {
  return `<p class="error" role="alert">Something went wrong: ${escapeHtml(message)} Change any field to try again.</p>`;
}

/** The element with this id inside root, or an error naming the id the markup lacks. */
export function byId<E extends HTMLElement = HTMLElement>(root: ParentNode, id: string): E {
  const el = root.querySelector<E>(`#${CSS.escape(id)}`);
  if (!el) throw new Error(`widget markup lacks #${id}`);
  return el;
}

/** Sets an element's text only when it changed, so screen readers hear real changes only. */
export function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Form state of one widget instance; see the module comment for use. */
export class FormState<V extends FormValues<V>, T> {
  readonly #root: HTMLElement;
  readonly #options: FormStateOptions<V, T>;

  constructor(root: HTMLElement, options: FormStateOptions<V, T>) {
    this.#root = root;
    this.#options = options;
  }

  /** The control of a field. */
  control(key: keyof V & string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
    return byId(this.#root, fieldIds(this.#options.instance, key).control);
  }

  /** Every field's current value, text as typed and checkboxes as booleans. */
  read(): V {
    const out: Record<string, string | boolean> = {};
    for (const key of this.#keys()) {
      const c = this.control(key);
      out[key] = c instanceof HTMLInputElement && c.type === 'checkbox' ? c.checked : c.value;
    }
    return out as unknown as V;
  }

  /** Puts values into the controls (without re-rendering; call update() after). */
  write(values: Partial<V>): void {
    for (const key of this.#keys()) {
      const value = values[key];
      if (value === undefined) continue;
      const c = this.control(key);
      if (typeof value === 'boolean' && c instanceof HTMLInputElement) c.checked = value;
      else c.value = String(value);
    }
  }

  /** Shows each field's message (or clears it) and marks the control invalid. */
  showErrors(errors: Readonly<Partial<Record<string, string>>>): void {
    const { instance } = this.#options;
    for (const key of this.#keys()) {
      const ids = fieldIds(instance, key);
      const control = this.control(key);
      const box = byId(this.#root, ids.error);
      const message = errors[key];
      setText(box, message ?? '');
      box.hidden = !message;
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      const hasHint = this.#root.querySelector(`#${CSS.escape(ids.hint)}`) !== null;
      const described = describedBy(instance, key, hasHint, Boolean(message));
      if (described) control.setAttribute('aria-describedby', described);
      else control.removeAttribute('aria-describedby');
    }
  }

  /**
   * Reads, validates, shows errors and renders; with `keepInUrl`, a valid state also goes into the
   * page address. Returns the verdict, or undefined when something threw (already shown by fail).
   */
  update(keepInUrl = false): Checked<T> | undefined {
    try {
      const values = this.read();
      const checked = this.#options.validate(values);
      this.showErrors(checked.ok ? {} : checked.errors);
      this.#options.render(checked, values);
      const keys = this.#options.urlKeys ?? [];
      if (keepInUrl && checked.ok && keys.length > 0) {
        this.#replaceQuery(queryWithValues(window.location.search, keys, values));
      }
      return checked;
    } catch (error) {
      this.#options.fail(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  /** Back to the defaults: controls, page address and outputs. */
  reset(): void {
    this.write(this.#options.defaults);
    const keys = this.#options.urlKeys ?? [];
    if (keys.length > 0) this.#replaceQuery(queryWithout(window.location.search, keys));
    this.update(false);
  }

  /**
   * Loads the state from the page address (if it names a field), listens to the form's input,
   * submit and reset events, and renders once.
   */
  start(): void {
    const keys = this.#options.urlKeys ?? [];
    if (keys.length > 0) {
      const fromUrl = valuesFromQuery(window.location.search, keys, this.#options.defaults);
      if (fromUrl.present) this.write(fromUrl.values);
    }
    const form = this.#root.querySelector('form');
    const delay = this.#options.debounceMs ?? 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const edited = (): void => {
      if (delay <= 0) return void this.update(true);
      clearTimeout(timer);
      timer = setTimeout(() => this.update(true), delay);
    };
    // Text, select and checkbox controls all fire input; change would only repeat it.
    (form ?? this.#root).addEventListener('input', edited);
    form?.addEventListener('submit', (event) => event.preventDefault());
    form?.addEventListener('reset', (event) => {
      event.preventDefault();
      this.reset();
    });
    this.update(false);
  }

  #keys(): (keyof V & string)[] {
    return Object.keys(this.#options.defaults) as (keyof V & string)[];
  }

  #replaceQuery(query: string): void {
    const { pathname, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${query}${hash}`);
  }
}
