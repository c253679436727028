/**
 * A widget's state in the page address: reading fields from a query string and writing them back,
 * leaving every other parameter alone. Pure; the browser side is src/components/widgets/form-state.ts.
 */

/** Form values as the controls hold them: text as typed, checkboxes as booleans. */
export type FormValues<V> = { readonly [K in keyof V]: string | boolean };

/**
 * The values for `keys` from a query string, each falling back to `defaults`; `present` says
 * whether the query named any of them. A checkbox is on for `true` or `1`.
 */
export function valuesFromQuery<V extends FormValues<V>>(
  search: string,
  keys: readonly (keyof V & string)[],
  defaults: V,
): { values: V; present: boolean } {
  const q = new URLSearchParams(search);
  const values: Record<string, string | boolean> = { ...defaults };
  let present = false;
  for (const key of keys) {
    const raw = q.get(key);
    if (raw === null) continue;
    present = true;
    values[key] = typeof defaults[key] === 'boolean' ? raw === 'true' || raw === '1' : raw;
  }
  return { values: values as unknown as V, present };
}

/** The query string with `keys` set from `values` (trimmed) and every other parameter kept. */
export function queryWithValues<V extends FormValues<V>>(
  search: string,
  keys: readonly (keyof V & string)[],
  values: V,
): string {
  const q = new URLSearchParams(search);
  for (const key of keys) {
    const v: string | boolean | undefined = values[key];
    q.set(key, typeof v === 'string' ? v.trim() : String(v ?? ''));
  }
  return `?${q.toString()}`;
}

/** The query string without `keys` (empty when nothing else is left), for Reset. */
export function queryWithout(search: string, keys: readonly string[]): string {
  const q = new URLSearchParams(search);
  for (const key of keys) q.delete(key);
  const rest = q.toString();
  return rest === '' ? '' : `?${rest}`;
}
