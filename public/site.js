// Runs blocking in <head>: sets the theme before first paint, then wires the theme switch and copy buttons.
// data-theme is always the theme shown; the reader's choice (system, light or dark) is kept in localStorage.
(() => {
  const d = document.documentElement;
  const key = 'theme';
  const os = matchMedia('(prefers-color-scheme: dark)');
  let choice = 'system';
  try {
    const saved = localStorage.getItem(key);
    if (saved === 'light' || saved === 'dark') choice = saved;
  } catch {}
  const apply = () => {
    d.dataset.theme = choice === 'system' ? (os.matches ? 'dark' : 'light') : choice;
  };
  apply();
  os.addEventListener('change', apply);
  addEventListener('DOMContentLoaded', () => {
    for (const r of document.querySelectorAll('input[name="theme"]')) {
      r.checked = r.value === choice;
      r.addEventListener('change', () => {
        choice = r.value;
        apply();
        try {
          if (choice === 'system') localStorage.removeItem(key);
          else localStorage.setItem(key, choice);
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
