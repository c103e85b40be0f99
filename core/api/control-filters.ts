/**
 * The case-list filters of the office's control: by responsible specialist,
 * stage deadline, late registration, outcome and time to decision. They
 * extend the list filters (CaseFilters), so every figure of the control
 * dashboard comes with a filter that `cases.list` turns into the list behind
 * it.
 */
import { z } from 'zod';
import { REFUSAL_GROUND_CODES } from '../domain/refusal-grounds';
import { id } from './schemas';

export const CASE_OUTCOMES = ['ippsu', 'refusal', 'withdrawn', 'annulled', 'in_progress'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = {
  ippsu: 'Составлена ИППСУ',
  refusal: 'Отказ',
  withdrawn: 'Отозвано заявителем',
  annulled: 'Регистрация аннулирована',
  in_progress: 'В работе',
};

const days = z.number().int().min(0).max(10_000);

export const ControlCaseFilters = z.object({
  /** The responsible specialist. */
  responsibleId: id.optional(),
  /** Cases nobody is responsible for yet (left for the head). */
  unassigned: z.boolean().optional(),
  /** Only cases whose procedure still runs. */
  open: z.boolean().optional(),
  /** The stage of the nearest open deadline (with `urgency`: overdue on that stage, …). */
  dueKind: z.enum(['requests', 'decision', 'result', 'issue']).optional(),
  /** p.35, p.43: registered after the registration deadline (or not on the day received in person). */
  lateRegistration: z.boolean().optional(),
  outcome: z.enum(CASE_OUTCOMES).optional(),
  /** A signed refusal on this ground of p.31. */
  refusalGround: z.enum(REFUSAL_GROUND_CODES).optional(),
  /** Working days from registration to the first signed result, at least / at most. */
  decisionDaysMin: days.optional(),
  decisionDaysMax: days.optional(),
  /** First result signed within the case's p.17 term (true) or after it (false). */
  decisionOnTime: z.boolean().optional(),
});
export type ControlCaseFilters = z.infer<typeof ControlCaseFilters>;
