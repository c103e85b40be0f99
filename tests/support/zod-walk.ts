/**
 * Walks a zod 4 schema tree: the contract tests use it to check that every
 * input is bounded and labelled, and the property-based test to generate
 * schema-valid inputs.
 */
import type { z } from 'zod';

export type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string }; bag: Record<string, unknown> } };

export interface Visit {
  schema: AnySchema;
  /** Object keys and '[]' for array elements, from the root. */
  path: string[];
}

/** Calls fn for every schema node reachable from root (depth-first), following wrappers, pipes and unions. */
export function walkSchema(root: z.ZodType, fn: (v: Visit) => void): void {
  const visit = (s: AnySchema, path: string[]) => {
    if (!s?._zod || path.length > 40) return;
    fn({ schema: s, path });
    const def = s._zod.def as Record<string, unknown>;
    for (const k of ['innerType', 'in', 'out', 'valueType', 'keyType']) if (def[k]) visit(def[k] as AnySchema, path);
    if (def.element) visit(def.element as AnySchema, [...path, '[]']);
    if (def.shape) for (const [k, v] of Object.entries(def.shape as Record<string, AnySchema>)) visit(v, [...path, k]);
    if (Array.isArray(def.options)) for (const o of def.options as AnySchema[]) visit(o, path);
    if (Array.isArray(def.items)) for (const o of def.items as AnySchema[]) visit(o, [...path, '[]']);
    if (def.left) visit(def.left as AnySchema, path);
    if (def.right) visit(def.right as AnySchema, path);
  };
  visit(root as AnySchema, []);
}

type Check = { _zod: { def: Record<string, unknown> & { check: string } } };

function checksOf(s: AnySchema): Check['_zod']['def'][] {
  return ((s._zod.def.checks as Check[] | undefined) ?? []).map((c) => c._zod.def);
}

/** The maximum length a string or array schema allows, or undefined when unbounded. */
export function maxLengthOf(s: AnySchema): number | undefined {
  let max: number | undefined;
  for (const c of checksOf(s)) {
    if (c.check === 'max_length' || c.check === 'length_equals') {
      const v = (c.maximum ?? c.length) as number;
      max = max === undefined ? v : Math.min(max, v);
    }
  }
  return max;
}

/** The minimum length a string or array schema requires (0 when none). */
export function minLengthOf(s: AnySchema): number {
  let min = 0;
  for (const c of checksOf(s)) if (c.check === 'min_length' || c.check === 'length_equals') min = Math.max(min, (c.minimum ?? c.length) as number);
  return min;
}

/** Numeric bounds of a number schema. */
export function numberBounds(s: AnySchema): { min?: number; max?: number; int: boolean } {
  const out: { min?: number; max?: number; int: boolean } = { int: false };
  for (const c of checksOf(s)) {
    if (c.check === 'greater_than') out.min = (c.value as number) + (c.inclusive ? 0 : 1e-9);
    if (c.check === 'less_than') out.max = (c.value as number) - (c.inclusive ? 0 : 1e-9);
    if (c.check === 'number_format' && String(c.format).includes('int')) out.int = true;
  }
  return out;
}

/** The string format a schema requires (uuid, email, regex…), from its own definition or its checks. */
export function stringFormatOf(s: AnySchema): string | undefined {
  if (typeof s._zod.def.format === 'string') return s._zod.def.format;
  for (const c of checksOf(s)) if (c.check === 'string_format' && typeof c.format === 'string') return c.format;
  return undefined;
}

/** The regular expression a string schema must match, if any. */
export function stringPatternOf(s: AnySchema): RegExp | undefined {
  for (const c of checksOf(s)) if (c.check === 'string_format' && c.format === 'regex' && c.pattern instanceof RegExp) return c.pattern;
  return undefined;
}

/** Whether the schema carries a custom refinement (refine/superRefine). */
export function hasRefinement(s: AnySchema): boolean {
  return checksOf(s).some((c) => c.check === 'custom');
}
