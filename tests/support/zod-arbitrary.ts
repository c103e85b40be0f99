/**
 * fast-check arbitraries from the contract's zod 4 schemas, for the
 * property-based test of the API. Every node generates values that its own
 * schema accepts (refinements are met by filtering, helped by hints for the
 * fields whose shape random text rarely hits: dates, СНИЛС, codes), so the
 * top-level input is schema-valid or is dropped by the caller's own check.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { snilsFrom } from './applications';
import { hasRefinement, maxLengthOf, minLengthOf, numberBounds, stringFormatOf, stringPatternOf, type AnySchema } from './zod-walk';

export interface Hints {
  /** Values worth trying for a field (by its key): reference codes, ids of rows that exist. */
  byKey?: Record<string, readonly unknown[]>;
}

const isoDates = fc
  .tuple(fc.integer({ min: 1915, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const recentDates = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10));
const dateTimes = fc
  .tuple(recentDates, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([d, h, m]) => `${d}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const texts = (min: number, max: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: Math.max(min, 1), maxLength: Math.min(max, 40) }) },
    { weight: 2, arbitrary: fc.stringMatching(/^[А-Яа-яЁё][а-яё -]{0,30}$/).filter((s) => s.length <= max) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: Math.max(min, 1), maxLength: Math.min(max, 30) }) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(Math.max(min, max))) },
  );

function stringHints(key: string | undefined): fc.Arbitrary<string>[] {
  const k = (key ?? '').toLowerCase();
  const out: fc.Arbitrary<string>[] = [];
  if (k.endsWith('date') || k === 'from' || k === 'to' || k === 'termuntil' || k.endsWith('until')) out.push(isoDates, recentDates);
  if (k === 'receivedat') out.push(dateTimes);
  if (k === 'snils') out.push(fc.integer({ min: 1, max: 1_000_000 }).map(snilsFrom));
  if (k === 'birthyear') out.push(fc.integer({ min: 1915, max: 2026 }).map(String));
  if (k === 'portalurl') out.push(fc.constant('http://127.0.0.1:9/'));
  if (k === 'username') out.push(fc.stringMatching(/^[a-z][a-z0-9._-]{2,20}$/));
  if (k.includes('password')) out.push(fc.stringMatching(/^[a-zA-Z0-9!@#]{8,30}$/));
  return out;
}

/** An arbitrary of values the schema accepts. `key` is the object key the schema sits under. */
export function arbitraryFor(schema: z.ZodType, hints: Hints = {}, key?: string, depth = 0): fc.Arbitrary<unknown> {
  const s = schema as AnySchema;
  const def = s._zod.def as Record<string, unknown> & { type: string };
  const hinted = key && hints.byKey?.[key] ? [fc.constantFrom(...hints.byKey[key]!)] : [];
  // A schema the generator cannot satisfy must fail loudly, never spin: give up after 5,000 misses in a row.
  let misses = 0;
  const accept = (a: fc.Arbitrary<unknown>) =>
    a.filter((v) => {
      if (s.safeParse(v).success) return (misses = 0), true;
      if (++misses > 5_000) throw new Error(`arbitraryFor: no valid value generated for «${key ?? def.type}»; add a hint for it`);
      return false;
    });
  const withHints = (base: fc.Arbitrary<unknown>) =>
    hinted.length ? fc.oneof({ weight: 2, arbitrary: hinted[0] }, { weight: 1, arbitrary: base }) : base;

  switch (def.type) {
    case 'string': {
      const format = stringFormatOf(s);
      if (format === 'uuid' || format === 'guid') return withHints(fc.uuid());
      if (format === 'email') return accept(fc.emailAddress());
      if (format && format !== 'regex') throw new Error(`arbitraryFor: string format «${format}» is not supported (key ${key ?? '-'})`);
      const min = minLengthOf(s);
      const max = maxLengthOf(s) ?? 200;
      const pattern = stringPatternOf(s);
      const extra = stringHints(key);
      if (pattern) extra.push(fc.stringMatching(pattern));
      // Refined strings whose key says nothing (a date of effect, say): offer the shapes refinements usually want.
      if (!extra.length && hasRefinement(s)) extra.push(isoDates, dateTimes, fc.integer({ min: 1, max: 1_000_000 }).map(snilsFrom));
      const base = extra.length ? fc.oneof({ weight: 4, arbitrary: fc.oneof(...extra) }, { weight: 1, arbitrary: texts(min, max) }) : texts(min, max);
      return accept(withHints(base));
    }
    case 'number': {
      const b = numberBounds(s);
      const min = b.min ?? -1e6;
      const max = b.max ?? 1e6;
      const base = b.int
        ? fc.oneof(fc.integer({ min: Math.ceil(Math.max(min, -1e9)), max: Math.floor(Math.min(max, 1e9)) }), fc.integer({ min: Math.ceil(Math.max(min, 0)), max: Math.max(Math.ceil(Math.max(min, 0)), Math.min(Math.floor(max), 30)) }))
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      return accept(withHints(base));
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'null':
      return fc.constant(null);
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 3 });
    case 'optional':
      return fc.option(arbitraryFor(def.innerType as z.ZodType, hints, key, depth + 1), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType as z.ZodType, hints, key, depth + 1), { nil: null, freq: 3 });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return arbitraryFor(def.innerType as z.ZodType, hints, key, depth + 1);
    case 'pipe': {
      // z.preprocess(fn, schema) is pipe(transform, schema): generate for the schema; otherwise for the input side.
      const inner = def.in as AnySchema;
      const source = inner._zod.def.type === 'transform' ? (def.out as z.ZodType) : (inner as z.ZodType);
      return accept(arbitraryFor(source, hints, key, depth + 1));
    }
    case 'array': {
      const min = minLengthOf(s);
      const max = maxLengthOf(s) ?? 10;
      const elem = arbitraryFor(def.element as z.ZodType, hints, key, depth + 1);
      const small = fc.array(elem, { minLength: min, maxLength: Math.max(min, Math.min(max, 4)) });
      const full = fc.array(elem, { minLength: max, maxLength: max });
      return accept(max > 4 && max <= 200 ? fc.oneof({ weight: 6, arbitrary: small }, { weight: 1, arbitrary: full }) : small);
    }
    case 'record': {
      const keyArb = arbitraryFor(def.keyType as z.ZodType, hints, undefined, depth + 1) as fc.Arbitrary<string>;
      return accept(fc.dictionary(keyArb, arbitraryFor(def.valueType as z.ZodType, hints, undefined, depth + 1), { maxKeys: 4 }));
    }
    case 'object': {
      const shape = def.shape as Record<string, AnySchema>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [k, v] of Object.entries(shape)) {
        model[k] = arbitraryFor(v, hints, k, depth + 1);
        const t = v._zod.def.type;
        if (t !== 'optional' && t !== 'default' && !(t === 'pipe' && (v._zod.def.out as AnySchema)?._zod.def.type === 'optional')) required.push(k);
      }
      return accept(fc.record(model, { requiredKeys: required }));
    }
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => arbitraryFor(o, hints, key, depth + 1)));
    case 'intersection':
      return accept(arbitraryFor(def.left as z.ZodType, hints, key, depth + 1));
    default:
      throw new Error(`arbitraryFor: zod type «${def.type}» is not supported (key ${key ?? '-'})`);
  }
}
