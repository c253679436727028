/**
 * Brings a live element's contents in line with freshly rendered HTML while touching as little of
 * the DOM as possible: nodes of the same kind in the same place are kept and only their text and
 * attributes change. So a widget can re-render its whole result from its pure view function on
 * every input, and screen readers (aria-live outputs), focus and listeners still see only real
 * changes.
 */

function sameKind(a: Node, b: Node): boolean {
  return a.nodeType === b.nodeType && a.nodeName === b.nodeName;
}

function syncAttributes(live: Element, fresh: Element): void {
  for (const { name } of [...live.attributes]) {
    if (!fresh.hasAttribute(name)) live.removeAttribute(name);
  }
  for (const { name, value } of fresh.attributes) {
    if (live.getAttribute(name) !== value) live.setAttribute(name, value);
  }
}

function syncChildren(live: Node, fresh: Node): void {
  const want = [...fresh.childNodes];
  const have = [...live.childNodes];
  want.forEach((w, i) => {
    const h = have[i];
    if (!h) live.appendChild(w);
    else if (!sameKind(h, w)) live.replaceChild(w, h);
    else if (h instanceof CharacterData) {
      if (h.data !== (w as CharacterData).data) h.data = (w as CharacterData).data;
    } else if (h instanceof Element) {
      syncAttributes(h, w as Element);
      syncChildren(h, w);
    }
  });
  for (const extra of have.slice(want.length)) extra.remove();
}

/**
 * Makes `target`'s children match `html` (trusted markup from a view function). Outputs hold no
 * live controls: a kept input, select or textarea would keep what the reader typed into it while
 * its attributes changed under it, so markup with one is refused here rather than half-synced.
 * Buttons are fine (they hold no state; widgets listen for them on their own element).
 */
export function morph(target: Element, html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  const control = template.content.querySelector('input, select, textarea');
  if (control) {
    throw new Error(`morph: an output cannot hold a live control (<${control.localName}>)`);
  }
  syncChildren(target, template.content);
}
