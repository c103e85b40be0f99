/**
 * The values of an act form, typed from the act's own zod schema (the one the
 * backend validates `acts.save` with): `Draft<z.infer<schema>>` is the act as
 * the inputs hold it, with text for numbers, '' for a choice not made, lists
 * for multiple choices and tables. `draftOf` builds it from the schema and a
 * saved act, so no second template of the act's fields exists; the form's
 * resolver is the same schema (plus the rule that no act date is after
 * today), and the backend reads '' as «not filled».
 */
import type { FormErrors } from '@mantine/form';
import { schemaResolver } from '@mantine/form';
import { z } from 'zod';
import { actDatesAfter, Appendix3CitizenAct, Appendix3FamilyAct, Appendix4Act } from '../../../core/api/acts';
import { BarthelAnswers, LawtonAnswers, type PartialScaleAnswers } from '../../../core/domain/scales';

/** A value of the act schema as its input holds it. */
export type Draft<T> = T extends boolean
  ? boolean
  : T extends number
    ? string
    : T extends string
      ? string extends T
        ? string
        : T | ''
      : T extends readonly (infer E)[]
        ? [E] extends [string]
          ? E[]
          : Draft<E>[]
        : T extends object
          ? { [K in keyof T]-?: Draft<Exclude<T[K], undefined | null>> }
          : never;

/** The schemas the act forms edit: the acts without the scale results (computed by the backend), with the answers. */
export const CITIZEN_FORM = z.object({ act: Appendix3CitizenAct.omit({ barthel: true, lawton: true }), barthel: BarthelAnswers, lawton: LawtonAnswers });
export const FAMILY_FORM = z.object({ act: Appendix3FamilyAct, barthel: BarthelAnswers, lawton: LawtonAnswers });
export const NEED_FORM = z.object({ act: Appendix4Act });

export type CitizenDraft = Draft<z.infer<typeof CITIZEN_FORM>['act']>;
export type FamilyDraft = Draft<z.infer<typeof FAMILY_FORM>['act']>;
export type NeedDraft = Draft<z.infer<typeof NEED_FORM>['act']>;

/** What every act form holds: the act, and the questionnaires' answers (Appendix 3 only; empty for Appendix 4). */
export type ActValues<A = CitizenDraft | FamilyDraft | NeedDraft> = {
  act: A;
  barthel: PartialScaleAnswers;
  lawton: PartialScaleAnswers;
};

// ------------------------------------------------------------------ the draft from the schema

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema a value is checked against, past optional, default, preprocessing and transforms. */
function core(s: z.ZodType): z.ZodType {
  for (;;) {
    const d = defOf(s);
    if ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'prefault') && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in && d.out) s = defOf(d.out).type === 'transform' ? d.in : d.out;
    else return s;
  }
}

/** A number as a person writes it: decimal comma. */
const numberText = (n: number) => String(n).replace('.', ',');

function build(schema: z.ZodType, saved: unknown): unknown {
  const s = core(schema);
  const d = defOf(s);
  switch (d.type) {
    case 'object': {
      const obj = saved && typeof saved === 'object' && !Array.isArray(saved) ? (saved as Record<string, unknown>) : {};
      return Object.fromEntries(Object.entries(d.shape ?? {}).map(([k, v]) => [k, build(v, obj[k])]));
    }
    case 'array': {
      const a = Array.isArray(saved) ? saved : [];
      const element = core(d.element!);
      if (defOf(element).type === 'object') return a.map((r) => build(element, r));
      return a.filter((x): x is string => typeof x === 'string');
    }
    case 'boolean':
      return saved === true;
    case 'number':
      return typeof saved === 'number' ? numberText(saved) : typeof saved === 'string' ? saved : '';
    default:
      // Text, a code of a choice.
      return typeof saved === 'string' ? saved : typeof saved === 'number' ? numberText(saved) : '';
  }
}

/** The act as the form holds it, from a saved act (or from nothing: every field empty). */
export function draftOf<S extends z.ZodType>(schema: S, saved: unknown): Draft<z.infer<S>> {
  return build(schema, saved) as Draft<z.infer<S>>;
}

// ------------------------------------------------------------------ the resolver

/**
 * The form's validation: the act's schema, as the backend checks it, and no
 * date after `today()` (the backend refuses those too). Errors are keyed by
 * the field's path, so each shows under its own input.
 */
export function actResolver(schema: z.ZodType, today: () => string): (values: { act: unknown; barthel?: unknown; lawton?: unknown }) => FormErrors {
  const bySchema = schemaResolver(schema, { sync: true });
  return (values) => {
    const errors: FormErrors = { ...bySchema(values) };
    for (const [path, message] of Object.entries(actDatesAfter(values.act, today()))) errors[`act.${path}`] ??= message;
    return errors;
  };
}
