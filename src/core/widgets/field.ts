/**
 * The widget kit's form field: label, control, hint and inline error as one HTML string, rendered
 * by the build (through `set:html`) and, where a widget rebuilds its form, in the browser. Pure:
 * no DOM.
 *
 * Every id comes from the widget instance and the field key, so two instances of a widget on one
 * page never share an id:
 *
 *   control  `${instance}-${key}`          e.g. `beat-hz`
 *   hint     `${instance}-${key}-hint`
 *   error    `${instance}-${key}-error`     (hidden while empty)
 *   datalist `${instance}-${key}-values`
 *
 * The control also carries `data-field="${key}"`, which the browser-side form state
 * (src/components/widgets/form-state.ts) uses to find it. `aria-describedby` names the hint, plus
 * the error while there is one. Styles: src/styles/widgets.css.
 */
import { attributes, escapeHtml } from '../html.ts';

/** What every kind of field has. */
interface FieldBase {
  /** Field key: the id suffix, `data-field`, and the model's name for it (errors, URL parameter). */
  readonly key: string;
  /** The label text, exactly as the reader sees it. */
  readonly label: string;
  /** A short hint under the control. */
  readonly hint?: string | undefined;
  /** An error to show from the start (normally the browser fills it in). */
  readonly error?: string | undefined;
  /**
   * The control's `name`. Leave it out for values that must never leave the page: a control
   * without a name is not sent even if its form is submitted.
   */
  readonly name?: string | undefined;
  /** Label in the monospace font, for configuration keys such as `round_interval`. */
  readonly mono?: boolean | undefined;
  /** Extra HTML placed inside the field after the error, e.g. a group of preset buttons. */
  readonly after?: string | undefined;
}

/** A one-line text input; the raw entry is kept so the model can say what is wrong with it. */
export interface TextFieldSpec extends FieldBase {
  readonly kind?: 'text' | undefined;
  readonly value: string;
  /** Virtual keyboard hint; `decimal` unless given. */
  readonly inputmode?: 'decimal' | 'numeric' | 'text' | undefined;
  /** Width in characters; 8 unless given. */
  readonly size?: number | undefined;
  /** Suggested values, offered through a datalist. */
  readonly suggestions?: readonly string[] | undefined;
  /** Longest entry the browser takes: a bound far beyond valid input keeps a stray paste small. */
  readonly maxlength?: number | undefined;
}

/** A multi-line text input. */
export interface TextareaFieldSpec extends FieldBase {
  readonly kind: 'textarea';
  readonly value: string;
  readonly rows?: number | undefined;
  /** Read-only until the widget's script makes it live (nothing would read an edit before). */
  readonly readonly?: boolean | undefined;
}

/** One choice of a select. */
export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/** A drop-down list. */
export interface SelectFieldSpec extends FieldBase {
  readonly kind: 'select';
  readonly value: string;
  readonly options: readonly SelectOption[];
}

/** A checkbox, with its label after the box. */
export interface CheckboxFieldSpec extends FieldBase {
  readonly kind: 'checkbox';
  readonly checked: boolean;
}

/** Any field of the kit. */
export type FieldSpec = TextFieldSpec | TextareaFieldSpec | SelectFieldSpec | CheckboxFieldSpec;

/** The id of a part of a widget instance: `widgetId('sim', 'peak')` is `sim-peak`. */
export function widgetId(instance: string, part: string): string {
  return `${instance}-${part}`;
}

/** The ids of a field's control, hint, error and datalist. */
export function fieldIds(
  instance: string,
  key: string,
): { control: string; hint: string; error: string; list: string } {
  const control = widgetId(instance, key);
  return {
    control,
    hint: `${control}-hint`,
    error: `${control}-error`,
    list: `${control}-values`,
  };
}

/** The `aria-describedby` of a field: its hint, plus its error while it has one. */
export function describedBy(
  instance: string,
  key: string,
  hasHint: boolean,
  hasError: boolean,
): string | undefined {
  const ids = fieldIds(instance, key);
  const parts = [hasHint ? ids.hint : '', hasError ? ids.error : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** `<option>` elements for a select, with `selected` on the chosen value. */
export function optionsHtml(options: readonly SelectOption[], selected: string): string {
  return options
    .map(
      (o) =>
        `<option${attributes({ value: o.value, selected: o.value === selected })}>${escapeHtml(o.label)}</option>`,
    )
    .join('');
}

function controlHtml(instance: string, spec: FieldSpec): string {
  const ids = fieldIds(instance, spec.key);
  const common = {
    id: ids.control,
    name: spec.name,
    'data-field': spec.key,
    'aria-describedby': describedBy(instance, spec.key, Boolean(spec.hint), Boolean(spec.error)),
    'aria-invalid': spec.error ? 'true' : undefined,
  };
  switch (spec.kind) {
    case 'select':
      return `<select${attributes(common)}>${optionsHtml(spec.options, spec.value)}</select>`;
    case 'checkbox':
      return `<input${attributes({ type: 'checkbox', ...common, checked: spec.checked })}>`;
    case 'textarea':
      return (
        `<textarea${attributes({ ...common, rows: spec.rows ?? 6, readonly: spec.readonly, spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off' })}>` +
        // A leading newline would be eaten by the HTML parser; keep it by doubling it.
        `${spec.value.startsWith('\n') ? '\n' : ''}${escapeHtml(spec.value)}</textarea>`
      );
    default: {
      const suggestions = spec.suggestions ?? [];
      const input = `<input${attributes({
        ...common,
        type: 'text',
        inputmode: spec.inputmode ?? 'decimal',
        value: spec.value,
        list: suggestions.length > 0 ? ids.list : undefined,
        size: spec.size ?? 8,
        maxlength: spec.maxlength,
        autocomplete: 'off',
        autocapitalize: 'off',
        spellcheck: 'false',
      })}>`;
      const list =
        suggestions.length === 0
          ? ''
          : `<datalist id="${escapeHtml(ids.list)}">${suggestions.map((s) => `<option${attributes({ value: s })}></option>`).join('')}</datalist>`;
      return input + list;
    }
  }
}

/**
 * One field as HTML: `<div class="field">` (or `field check` for a checkbox) holding the label,
 * the control, the hint and the error, then `after`. Every text is escaped.
 */
export function fieldHtml(instance: string, spec: FieldSpec): string {
  const ids = fieldIds(instance, spec.key);
  const label = `<label${attributes({ for: ids.control, class: spec.mono ? 'mono' : undefined })}>${escapeHtml(spec.label)}</label>`;
  const control = controlHtml(instance, spec);
  const hint = spec.hint
    ? `<p class="hint" id="${escapeHtml(ids.hint)}">${escapeHtml(spec.hint)}</p>`
    : '';
  const error = `<p${attributes({ class: 'error', id: ids.error, hidden: !spec.error })}>${escapeHtml(spec.error ?? '')}</p>`;
  const check = spec.kind === 'checkbox';
  // A checkbox reads "[x] round_interval"; every other control sits under its label.
  const parts = check ? [control, label] : [label, control];
  return `<div class="field${check ? ' check' : ''}">${parts.join('')}${hint}${error}${spec.after ?? ''}</div>`;
}

/** Several fields of one instance, in order. */
export function fieldsHtml(instance: string, specs: readonly FieldSpec[]): string {
  return specs.map((s) => fieldHtml(instance, s)).join('');
}
