/**
 * Who becomes responsible for a case at registration: the office's rule
 * (an office setting). 'registrar' — the user who registers it, when they are
 * a case specialist; 'subservice' — the default specialist of the
 * sub-service; 'head' — nobody: the head assigns. Whatever the rule, a case
 * the rule cannot place (a reception-only registrar, no default set, the
 * default specialist deactivated) is left for the head.
 *
 * Pure functions, no I/O.
 */

export const ASSIGNMENT_RULES = ['registrar', 'subservice', 'head'] as const;
export type AssignmentRule = (typeof ASSIGNMENT_RULES)[number];

export const ASSIGNMENT_RULE_LABELS: Record<AssignmentRule, string> = {
  registrar: 'Специалист, зарегистрировавший заявление',
  subservice: 'Специалист, закреплённый за подуслугой',
  head: 'Назначает руководитель',
};

export interface AssignmentSettings {
  rule: AssignmentRule;
  /** Sub-service code → user id of its default specialist. */
  defaults: Record<string, number>;
}

export const DEFAULT_ASSIGNMENT: AssignmentSettings = { rule: 'registrar', defaults: {} };

export interface Candidate {
  id: number;
  roles: readonly string[];
  active: boolean;
}

/** A user who can be responsible for a case: active, with the specialist role. */
export function canBeResponsible(u: Candidate | undefined): boolean {
  return Boolean(u && u.active && u.roles.includes('specialist'));
}

/** The responsible specialist the rule gives, or null (left for the head). */
export function responsibleAtRegistration(
  s: AssignmentSettings,
  a: { registrar: Candidate; subservice: string },
  userById: (id: number) => Candidate | undefined,
): number | null {
  if (s.rule === 'registrar') return canBeResponsible(a.registrar) ? a.registrar.id : null;
  if (s.rule === 'subservice') {
    const id = s.defaults[a.subservice];
    return id !== undefined && canBeResponsible(userById(id)) ? id : null;
  }
  return null;
}
