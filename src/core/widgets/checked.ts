/**
 * The widget contract's one result type. Every widget's model answers a form with a `Checked`: the
 * validated value, or one message per field at fault, which the kit shows at that field (fieldHtml
 * renders the message; FormState in the browser puts it there live). A single field's reader
 * answers with a `FieldChecked`, and a model collects those into a `Checked` with `checked()`.
 */

/** A model's verdict on a widget's form: the validated value, or one message per field at fault. */
export type Checked<T, K extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: Readonly<Partial<Record<K, string>>> };

/** One field's verdict: its value, or a message saying what was wrong and what is allowed. */
export type FieldChecked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string };

/** The value when no field was at fault, else the messages collected while reading the fields. */
export function checked<T, K extends string>(
  value: T,
  errors: Readonly<Partial<Record<K, string>>>,
): Checked<T, K> {
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}
