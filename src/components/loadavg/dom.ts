/**
 * Browser-side helpers shared by the load-average widgets' custom elements: reading fields,
 * writing outputs and showing inline errors. Kept apart from src/lib/loadavg, which has no DOM.
 */

/** The element with this id inside root, or a clear error naming what the markup lacks. */
export function byId<T extends HTMLElement>(root: ParentNode, id: string): T {
  const el = root.querySelector<T>(`#${id}`);
  if (!el) throw new Error(`load-average widget: missing #${id}`);
  return el;
}

/** Current value of a text field. */
export function fieldValue(root: ParentNode, id: string): string {
  return byId<HTMLInputElement>(root, id).value;
}

/** Sets an output's text only when it changed, so screen readers hear real changes only. */
export function setText(root: ParentNode, id: string, text: string): void {
  const el = byId(root, id);
  if (el.textContent !== text) el.textContent = text;
}

/**
 * Marks a field invalid with its message (or clears it): the message sits in #<id>-error, which
 * the field names in aria-describedby.
 */
export function showError(root: ParentNode, id: string, message: string | undefined): void {
  const input = byId<HTMLInputElement>(root, id);
  const box = byId(root, `${id}-error`);
  if (message) {
    input.setAttribute('aria-invalid', 'true');
    if (box.textContent !== message) box.textContent = message;
    box.hidden = false;
  } else {
    input.removeAttribute('aria-invalid');
    box.textContent = '';
    box.hidden = true;
  }
}
