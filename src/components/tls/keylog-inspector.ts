// The live key-log inspector. A short log is read on every keystroke. A long one is read after a
// short pause in typing, a slice at a time, so the page keeps painting and answering keys, and a
// newer edit abandons the reading in progress. A huge paste stays out of the text box: Chromium
// lays out every line of a textarea on every keystroke (100,000 lines: seconds per key).
import { KeyLogReader, type KeyLogReport } from '../../core/keylog/keylog.ts';
import {
  pastedHtml,
  readingMessage,
  renderKeyLogHtml,
  summarizeKeyLog,
} from '../../core/keylog/view.ts';
import { FormState, failureHtml } from '../widgets/form-state.ts';
import { morph } from '../widgets/morph.ts';

/** Texts up to this many characters (a few hundred lines) are read at once. */
const AT_ONCE = 50_000;
/** A paste of more lines than this is kept out of the text box. */
const BOX_LINES = 2_000;
/** Pause in typing before a long text is read, in ms. */
const PAUSE_MS = 200;
/** Longest slice of reading between two chances for the page to paint, in ms. */
const SLICE_MS = 8;

/** The inspector's one field. */
type Box = { input: string };

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

class KeylogInspectorElement extends HTMLElement {
  #run = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** A huge paste, read before the lines in the box. */
  #pasted = '';

  connectedCallback(): void {
    // The kit's form state reads the box and reports failures, as for every widget; what it
    // hands over is the text, which this element reads at once or in slices.
    const form = new FormState(this, {
      instance: this.dataset['prefix'] ?? 'keylog-inspector',
      defaults: { input: '' },
      validate: (values) => ({ ok: true, value: values.input }),
      render: (checked) => {
        if (checked.ok) this.#read(checked.value);
      },
      fail: (message) => this.#fail(message),
    });
    const input = form.control('input') as HTMLTextAreaElement;
    input.readOnly = false;
    input.addEventListener('paste', (event) => this.#paste(input, event, form));
    this.addEventListener('click', (event) => {
      if ((event.target as HTMLElement).closest('[data-action="remove-paste"]')) {
        this.#keep('');
        input.focus();
        form.update();
      }
    });
    form.start();
  }

  #paste(input: HTMLTextAreaElement, event: ClipboardEvent, form: FormState<Box, string>): void {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (text.length <= AT_ONCE || countLines(text) <= BOX_LINES) return;
    event.preventDefault();
    const { value, selectionStart: from, selectionEnd: to } = input;
    this.#keep(
      from === 0 && to === value.length ? text : value.slice(0, from) + text + value.slice(to),
    );
    input.value = '';
    form.update();
  }

  #keep(pasted: string): void {
    this.#pasted = pasted;
    const note = this.querySelector('[data-output="pasted"]') as HTMLElement;
    morph(note, pasted === '' ? '' : pastedHtml(countLines(pasted), pasted.length));
  }

  /** Reads the box (after any kept paste): a short text now, a long one in slices after a pause. */
  #read(box: string): void {
    const run = ++this.#run;
    clearTimeout(this.#timer);
    if (this.#pasted === '' && box.length <= AT_ONCE) {
      this.#show(new KeyLogReader(box).report());
      return;
    }
    this.#pending(0);
    this.#timer = setTimeout(() => void this.#readInSlices(box, run), PAUSE_MS);
  }

  async #readInSlices(box: string, run: number): Promise<void> {
    try {
      const text =
        this.#pasted === '' || box === '' ? this.#pasted + box : `${this.#pasted}\n${box}`;
      const reader = new KeyLogReader(text);
      // Read the lines, then work out each connection's notes, a slice at a time.
      const more = (): boolean => {
        if (reader.done) return !reader.noteStep(100);
        reader.step(200);
        return true;
      };
      for (;;) {
        const until = performance.now() + SLICE_MS;
        let pending = more();
        while (pending && performance.now() < until) pending = more();
        if (!pending) break;
        this.#pending(reader.linesRead);
        await nextTask();
        if (run !== this.#run) return;
      }
      this.#show(reader.report());
    } catch (error) {
      // Any failure replaces the result with a message: never a stale table; the next edit retries.
      if (run === this.#run) this.#fail(error instanceof Error ? error.message : String(error));
    }
  }

  #pending(linesRead: number): void {
    this.#summary().textContent = readingMessage(linesRead);
    this.#results().hidden = true;
  }

  #show(report: KeyLogReport): void {
    const results = this.#results();
    morph(results, renderKeyLogHtml(report));
    results.hidden = false;
    this.#summary().textContent = summarizeKeyLog(report);
  }

  #fail(message: string): void {
    const results = this.#results();
    morph(results, failureHtml(message));
    results.hidden = false;
    this.#summary().textContent = '';
  }

  #summary(): HTMLOutputElement {
    return this.querySelector('output') as HTMLOutputElement;
  }

  #results(): HTMLElement {
    return this.querySelector('[data-output="results"]') as HTMLElement;
  }
}

if (!customElements.get('keylog-inspector')) {
  customElements.define('keylog-inspector', KeylogInspectorElement);
}
