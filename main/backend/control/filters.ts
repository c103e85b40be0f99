/**
 * SQL of the control filters (core/api/control-filters.ts), shared by the case
 * list and the dashboard so a figure and the list behind it count the same
 * cases. Registers `working_days(from, to)` on the connection: working days
 * after `from` up to `to` on the production calendar (O(1) per call).
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { ControlCaseFilters } from '../../../core/api/control-filters';
import type { ProductionCalendar } from '../../../core/domain/calendar';
import { OPEN_STATUSES } from '../../../core/domain/case-states';
import { OFFICE_UTC_OFFSET_MINUTES } from '../../../core/domain/dates';
import { WorkingDayIndex } from '../../../core/domain/statistics';
import type { Db } from '../../../db/connection';
import { cases } from '../../../db/schema';

const indexes = new WeakMap<ProductionCalendar, WorkingDayIndex>();

/** The working-day index of a calendar (built once per calendar version). */
export function workingDayIndex(cal: ProductionCalendar): WorkingDayIndex {
  let ix = indexes.get(cal);
  if (!ix) {
    ix = new WorkingDayIndex(cal);
    indexes.set(cal, ix);
  }
  return ix;
}

const current = new WeakMap<object, { cal: ProductionCalendar }>();

/** Makes `working_days` answer on this calendar (the latest one passed in). */
export function useCalendarInSql(db: Db, cal: ProductionCalendar): void {
  const client = db.$client;
  const holder = current.get(client);
  if (holder) {
    holder.cal = cal;
    return;
  }
  const h = { cal };
  current.set(client, h);
  client.function('working_days', { deterministic: false }, (from: unknown, to: unknown) =>
    typeof from === 'string' && typeof to === 'string' ? workingDayIndex(h.cal).between(from, to) : null,
  );
}

/** The office's local date of a UTC timestamp column, in SQL. */
export const localDateOf = (col: SQL | typeof cases.registeredAt) => sql`date(${col}, '+${sql.raw(String(OFFICE_UTC_OFFSET_MINUTES))} minutes')`;

/** Date (local) of the first signed result of the case, or null. */
export const firstSignedSql = sql`(select date(min(k.signed_at), '+${sql.raw(String(OFFICE_UTC_OFFSET_MINUTES))} minutes') from case_decisions k where k.case_id = ${cases.id} and k.signed_at is not null)`;

/** Kind of the current signed result ('ippsu' | 'refusal'), or null. */
export const signedKindSql = sql`(select k.kind from case_decisions k where k.case_id = ${cases.id} and k.status = 'signed')`;

// These subqueries are used as nested SQL: drizzle writes a column of the outer table unqualified
// when the template stands alone in a select list, and inside a subquery "id" would mean the inner table's.

/** Working days from registration to the first signed result. */
export const decisionDaysSql = sql`working_days(${localDateOf(cases.registeredAt)}, ${firstSignedSql})`;


/** p.35, p.43: see registeredLate in core/domain/deadlines.ts. */
export const lateRegistrationSql = sql`(case when ${cases.channel} = 'in_person' then ${localDateOf(cases.registeredAt)} > substr(${cases.receivedAt}, 1, 10) else ${cases.dueRegistration} is not null and ${localDateOf(cases.registeredAt)} > ${cases.dueRegistration} end)`;

const openStatuses = sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

export const isOpenSql = sql`${cases.status} in (${openStatuses})`;

/** WHERE conditions for the control filters. */
export function controlConditions(db: Db, f: ControlCaseFilters, cal: ProductionCalendar): SQL[] {
  const w: SQL[] = [];
  if (f.responsibleId) w.push(eq(cases.responsibleId, f.responsibleId));
  if (f.unassigned) w.push(isNull(cases.responsibleId));
  if (f.open) w.push(isOpenSql);
  if (f.dueKind) w.push(eq(cases.nextDueKind, f.dueKind));
  if (f.lateRegistration !== undefined) w.push(f.lateRegistration ? sql`${lateRegistrationSql} = 1` : sql`${lateRegistrationSql} = 0`);
  if (f.outcome === 'ippsu' || f.outcome === 'refusal') w.push(sql`${signedKindSql} = ${f.outcome}`);
  if (f.outcome === 'withdrawn' || f.outcome === 'annulled') w.push(eq(cases.status, f.outcome));
  if (f.outcome === 'in_progress') w.push(and(sql`${signedKindSql} is null`, sql`${cases.status} not in ('withdrawn', 'annulled')`)!);
  if (f.refusalGround) {
    w.push(
      sql`exists (select 1 from case_decisions k, json_each(k.data, '$.grounds') g where k.case_id = ${cases.id} and k.status = 'signed' and k.kind = 'refusal' and g.value = ${f.refusalGround})`,
    );
  }
  if (f.decisionDaysMin !== undefined || f.decisionDaysMax !== undefined || f.decisionOnTime !== undefined) {
    useCalendarInSql(db, cal);
    w.push(sql`${firstSignedSql} is not null`);
    if (f.decisionDaysMin !== undefined) w.push(sql`${decisionDaysSql} >= ${f.decisionDaysMin}`);
    if (f.decisionDaysMax !== undefined) w.push(sql`${decisionDaysSql} <= ${f.decisionDaysMax}`);
    // p.17: the result date stored on the case was counted with the terms the case was registered with.
    if (f.decisionOnTime !== undefined) w.push(f.decisionOnTime ? sql`${firstSignedSql} <= ${cases.dueResult}` : sql`${firstSignedSql} > ${cases.dueResult}`);
  }
  return w;
}
