/**
 * The responsible specialist of a case: assigned at registration by the
 * office's rule (core/domain/assignment.ts, an office setting), reassigned by
 * the head; each assignment is kept in case_assignments (the case's timeline),
 * audited, and notified to the new responsible.
 */
import { eq } from 'drizzle-orm';
import { ApiError } from '../../../core/api/errors';
import { canBeResponsible, DEFAULT_ASSIGNMENT, responsibleAtRegistration, type AssignmentSettings, type Candidate } from '../../../core/domain/assignment';
import { CASE_STATUS_LABELS, isClosed } from '../../../core/domain/case-states';
import type { Db } from '../../../db/connection';
import { cases, users } from '../../../db/schema';
import { caseAssignments } from '../../../db/schema-control';
import type { UserCtx } from '../context';
import { getSetting, setSetting } from '../views';
import { notify } from './notifications';

type CaseRecord = typeof cases.$inferSelect;

export const ASSIGNMENT_SETTING = 'control.assignment';

export function assignmentSettings(db: Db): AssignmentSettings {
  const raw = getSetting(db, ASSIGNMENT_SETTING);
  if (!raw) return DEFAULT_ASSIGNMENT;
  try {
    const v = JSON.parse(raw) as AssignmentSettings;
    return { rule: v.rule ?? DEFAULT_ASSIGNMENT.rule, defaults: v.defaults ?? {} };
  } catch {
    return DEFAULT_ASSIGNMENT;
  }
}

function candidate(db: Db, id: number): (Candidate & { fullName: string }) | undefined {
  const u = db.select({ id: users.id, roles: users.roles, active: users.active, fullName: users.fullName }).from(users).where(eq(users.id, id)).get();
  return u ? { id: u.id, roles: u.roles, active: u.active, fullName: u.fullName } : undefined;
}

export function saveAssignmentSettings(ctx: UserCtx, s: AssignmentSettings): AssignmentSettings {
  const fields: Record<string, string> = {};
  for (const [sub, id] of Object.entries(s.defaults)) {
    if (!canBeResponsible(candidate(ctx.db, id))) fields[`defaults.${sub}`] = 'Выберите действующего специалиста';
  }
  if (Object.keys(fields).length) throw new ApiError('VALIDATION', 'Проверьте данные. Закрепить за подуслугой можно только действующего специалиста.', fields);
  return ctx.tx(() => {
    const before = assignmentSettings(ctx.db);
    setSetting(ctx.db, ASSIGNMENT_SETTING, JSON.stringify(s));
    ctx.audit({ action: 'update', entity: 'setting', entityId: ASSIGNMENT_SETTING, before, after: s });
    return s;
  });
}

function record(ctx: UserCtx, c: CaseRecord, to: { id: number; fullName: string } | null, by: 'rule' | 'head', note: string | null): void {
  ctx.db.update(cases).set({ responsibleId: to?.id ?? null, responsibleName: to?.fullName ?? null }).where(eq(cases.id, c.id)).run();
  const row = {
    caseId: c.id,
    at: ctx.now().toISOString(),
    caseStatus: c.status,
    assignedBy: by === 'head' ? ctx.user.id : null,
    assignedByName: by === 'head' ? ctx.user.fullName : null,
    responsibleId: to?.id ?? null,
    responsibleName: to?.fullName ?? null,
    previousId: c.responsibleId,
    previousName: c.responsibleName,
    note,
  };
  ctx.db.insert(caseAssignments).values(row).run();
  ctx.audit({
    action: 'assign',
    entity: 'case',
    entityId: c.id,
    before: { responsibleId: c.responsibleId, responsibleName: c.responsibleName },
    after: { responsibleId: row.responsibleId, responsibleName: row.responsibleName, note },
  });
  if (to && to.id !== ctx.user.id) notify(ctx, to.id, 'case_assigned', `Вам передано дело № ${c.journalNumber}`, { caseId: c.id });
  c.responsibleId = row.responsibleId;
  c.responsibleName = row.responsibleName;
}

/** At registration: the office's rule picks the responsible (or leaves the case for the head). Call inside the registration's transaction. */
export function assignAtRegistration(ctx: UserCtx, c: CaseRecord): void {
  const s = assignmentSettings(ctx.db);
  const me = candidate(ctx.db, ctx.user.id)!;
  const id = responsibleAtRegistration(s, { registrar: me, subservice: c.subservice }, (uid) => candidate(ctx.db, uid));
  if (id === null) return;
  const to = candidate(ctx.db, id)!;
  record(ctx, c, to, 'rule', 'Назначен при регистрации');
}

/** The head makes a specialist responsible for an open case (or clears it: null). */
export function reassign(ctx: UserCtx, c: CaseRecord, responsibleId: number | null, note: string | null): void {
  if (isClosed(c.status)) {
    throw new ApiError('CONFLICT', `Дело в состоянии «${CASE_STATUS_LABELS[c.status]}»: ответственного не назначают.`);
  }
  const to = responsibleId === null ? null : candidate(ctx.db, responsibleId);
  if (responsibleId !== null && !canBeResponsible(to ?? undefined)) {
    throw new ApiError('VALIDATION', 'Ответственным можно назначить только действующего специалиста.', { responsibleId: 'Выберите действующего специалиста' });
  }
  if ((to?.id ?? null) === c.responsibleId) throw new ApiError('CONFLICT', 'Этот специалист уже отвечает за дело.');
  record(ctx, c, to ?? null, 'head', note);
}

/** A user renamed: the cases they are responsible for show the new name. */
export function renameResponsible(db: Db, userId: number, fullName: string): void {
  db.update(cases).set({ responsibleName: fullName }).where(eq(cases.responsibleId, userId)).run();
}

/** The assignment history of a case, for its timeline. */
export function assignmentEvents(db: Db, caseId: number) {
  return db
    .select()
    .from(caseAssignments)
    .where(eq(caseAssignments.caseId, caseId))
    .orderBy(caseAssignments.id)
    .all()
    .map((a) => ({
      at: a.at,
      userName: a.assignedByName,
      status: a.caseStatus,
      note: [
        a.responsibleName ? `Ответственный: ${a.responsibleName}` : 'Ответственный снят',
        a.previousName ? `(ранее: ${a.previousName})` : null,
        a.note ? `— ${a.note}` : null,
      ]
        .filter(Boolean)
        .join(' '),
    }));
}
