// Runs blocking in <head>: sets the theme before first paint, then wires the toggle and copy buttons.
(() => {
  const d = document.documentElement;
  const key = 'theme';
  let saved = null;
  try {
    saved = localStorage.getItem(key);
  } catch {}
  const dark = () => matchMedia('(prefers-color-scheme: dark)').matches;
  const apply = (t) => {
    d.dataset.theme = t;
  };
  apply(saved === 'dark' || saved === 'light' ? saved : dark() ? 'dark' : 'light');
  addEventListener('DOMContentLoaded', () => {
    const b = document.getElementById('theme-toggle');
    if (b) {
      const sync = () => b.setAttribute('aria-pressed', String(d.dataset.theme === 'dark'));
      b.hidden = false;
      sync();
      b.addEventListener('click', () => {
        const t = d.dataset.theme === 'dark' ? 'light' : 'dark';
        apply(t);
        sync();
        try {
          localStorage.setItem(key, t);
        } catch {}
      });
    }
    if (!navigator.clipboard) return;
    for (const pre of document.querySelectorAll('.prose pre.astro-code')) {
      const c = document.createElement('button');
      c.type = 'button';
      c.className = 'copy-code';
      c.textContent = 'Copy';
      c.setAttribute('aria-label', 'Copy code to clipboard');
      c.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(pre.textContent ?? '');
          c.textContent = 'Copied';
        } catch {
          c.textContent = 'Copy failed';
        }
        setTimeout(() => {
          c.textContent = 'Copy';
        }, 1500);
      });
      const w = document.createElement('div');
      w.className = 'code-block';
      pre.replaceWith(w);
      w.append(pre, c);
    }
  });
})();
