/**
 * Structural checks of the API contract: every input is bounded (so no valid
 * input can exhaust SQLite's variables or the host's memory) and every input
 * field has a Russian label (so no internal key reaches a validation message).
 */
import { describe, expect, it } from 'vitest';
import { methods } from '../../core/api/contract';
import { FIELD_LABELS } from '../../core/api/field-labels';
import { maxLengthOf, walkSchema } from '../support/zod-walk';

describe('the API contract', () => {
  it('bounds every string and every array of every input', () => {
    const unbounded: string[] = [];
    for (const [name, def] of Object.entries(methods)) {
      walkSchema(def.input, ({ schema, path }) => {
        const t = schema._zod.def.type;
        if ((t === 'string' || t === 'array') && maxLengthOf(schema) === undefined) unbounded.push(`${name}: ${path.join('.') || '(root)'} (${t})`);
        if (t === 'record') {
          const key = schema._zod.def.keyType as typeof schema;
          if (key._zod.def.type === 'string' && maxLengthOf(key) === undefined) unbounded.push(`${name}: ${path.join('.')} (record key)`);
        }
      });
    }
    expect(unbounded).toEqual([]);
  });

  it('gives every input field a Russian label', () => {
    const missing = new Set<string>();
    for (const def of Object.values(methods)) {
      walkSchema(def.input, ({ path }) => {
        const keys = path.filter((k) => k !== '[]');
        const k = keys[keys.length - 1];
        if (!k) return;
        const parent = keys[keys.length - 2];
        if (!FIELD_LABELS[k] && !(parent && FIELD_LABELS[`${parent}.${k}`])) missing.add(k);
      });
    }
    expect([...missing]).toEqual([]);
    for (const label of Object.values(FIELD_LABELS)) expect(label).not.toMatch(/[A-Za-z]/);
  });
});
