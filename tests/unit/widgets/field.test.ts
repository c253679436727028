import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import {
  type FieldSpec,
  fieldHtml,
  fieldsHtml,
  optionsHtml,
} from '../../../src/core/widgets/field.ts';

function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Root | Element): void => {
    for (const c of n.children) {
      if (c.type === 'element') {
        out.push(c);
        walk(c);
      }
    }
  };
  walk(fromHtml(html, { fragment: true }));
  return out;
}

const ids = (html: string): string[] =>
  elements(html)
    .map((e) => e.properties['id'])
    .filter((id): id is string => typeof id === 'string');

const SPECS: readonly [string, FieldSpec][] = [
  [
    'text',
    { key: 'hz', label: 'HZ', value: '250', hint: 'ticks per second', suggestions: ['100', '250'] },
  ],
  [
    'select',
    {
      kind: 'select',
      key: 'band',
      label: 'Band',
      value: '5',
      options: [
        { value: '2.4', label: '2.4 GHz' },
        { value: '5', label: '5 GHz' },
      ],
    },
  ],
  [
    'checkbox',
    {
      kind: 'checkbox',
      key: 'round',
      label: 'round_interval',
      checked: true,
      hint: 'align to the clock',
      mono: true,
    },
  ],
  [
    'textarea',
    {
      kind: 'textarea',
      key: 'log',
      label: 'Key log lines',
      value: '\nCLIENT_RANDOM a b',
      hint: 'paste',
    },
  ],
];

describe.each(SPECS)('a %s field', (_kind, spec) => {
  const html = fieldHtml('w1', spec);
  const all = elements(html);
  const control = all.find((e) => e.properties['id'] === `w1-${spec.key}`);

  it('labels its control, and the control names its hint', () => {
    const label = all.find((e) => e.tagName === 'label');
    expect(label?.properties['htmlFor']).toEqual([`w1-${spec.key}`]);
    expect(control?.properties['dataField']).toBe(spec.key);
    expect(control?.properties['ariaDescribedBy']).toEqual(
      spec.hint ? [`w1-${spec.key}-hint`] : undefined,
    );
    expect(control?.properties['ariaInvalid']).toBeUndefined();
  });

  it('has a hidden, empty error box until there is an error, which it then names', () => {
    const box = all.find((e) => e.properties['id'] === `w1-${spec.key}-error`);
    expect(box?.properties['hidden']).toBe(true);
    const failed = elements(fieldHtml('w1', { ...spec, error: 'HZ must be a whole number.' }));
    const c = failed.find((e) => e.properties['id'] === `w1-${spec.key}`);
    expect(c?.properties['ariaInvalid']).toBe('true');
    expect(c?.properties['ariaDescribedBy']).toContain(`w1-${spec.key}-error`);
    expect(fieldHtml('w1', { ...spec, error: 'HZ must be a whole number.' })).toContain(
      '>HZ must be a whole number.</p>',
    );
  });

  it('gives two instances on one page no id in common', () => {
    const a = ids(fieldHtml('sim', spec));
    const b = ids(fieldHtml('sim-2', spec));
    expect(a.length).toBeGreaterThan(1);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
  });
});

describe('field values', () => {
  it('keeps the raw text entry and escapes it', () => {
    const html = fieldHtml('beat', { key: 'hz', label: 'HZ', value: '"><script>x</script>' });
    expect(html).not.toContain('<script>');
    const input = elements(html).find((e) => e.tagName === 'input');
    expect(input?.properties['value']).toBe('"><script>x</script>');
  });

  it('selects the chosen option and checks a checked box', () => {
    expect(
      optionsHtml(
        [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B & C' },
        ],
        'b',
      ),
    ).toBe('<option value="a">A</option><option value="b" selected>B &amp; C</option>');
    expect(fieldHtml('s', { kind: 'checkbox', key: 'round', label: 'r', checked: true })).toMatch(
      /<input type="checkbox"[^>]* checked>/,
    );
    expect(
      fieldHtml('s', { kind: 'checkbox', key: 'round', label: 'r', checked: false }),
    ).not.toContain('checked');
  });

  it('keeps a textarea’s leading newline, which the parser would otherwise eat', () => {
    const area = elements(fieldHtml('k', SPECS[3]![1])).find((e) => e.tagName === 'textarea');
    expect(area?.children[0]).toMatchObject({ value: '\nCLIENT_RANDOM a b' });
  });

  it('renders several fields in order', () => {
    expect(
      ids(fieldsHtml('x', [SPECS[0]![1], SPECS[1]![1]])).filter(
        (id) => !/-(hint|error|values)$/.test(id),
      ),
    ).toEqual(['x-hz', 'x-band']);
  });
});
