/**
 * Loads the reference data shipped in resources/reference into the database
 * on every start: new records are inserted, records whose seed changed are
 * updated, and records the administrator edited (locally_modified) are left
 * alone. Runs in one transaction.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import agencies from '../../resources/reference/agencies.json';
import calendar from '../../resources/reference/calendar.json';
import mfc from '../../resources/reference/mfc.json';
import offices from '../../resources/reference/offices.json';
import starterProviders from '../../resources/reference/providers.json';
import serviceCatalogue from '../../resources/reference/services.json';
import subservices from '../../resources/reference/subservices.json';
import type { RefKind } from '../../core/api/contract';
import { SaveProviderInput } from '../../core/api/processing';
import { isCalendarDayKind, type CalendarDayKind } from '../../core/domain/calendar';
import type { Db } from '../../db/connection';
import { calendarDays, calendarYears, providers, refItems, services } from '../../db/schema';
import { seedDeadlineTerms } from './control/terms';
import { nextRevBySystem, type RevisionSet } from './revisions';
import { getSetting, setSetting } from './views';

type Seed = {
  kind: RefKind;
  code: string;
  number: number | null;
  name: string;
  shortName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  details: Record<string, unknown>;
};

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

function toSeed(kind: RefKind, r: Record<string, unknown>): Seed {
  const { code, number, name, shortName, address, phone, email, ...details } = r;
  return {
    kind,
    code: String(code),
    number: typeof number === 'number' ? number : null,
    name: String(name),
    shortName: str(shortName),
    address: str(address),
    phone: str(phone),
    email: str(email),
    details,
  };
}

const hash = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 16);

export function referenceSeeds(): Seed[] {
  const list = (kind: RefKind, rows: unknown[]) => rows.map((r) => toSeed(kind, r as Record<string, unknown>));
  return [
    ...list('office', offices),
    ...list('mfc', mfc),
    ...list('agency', agencies),
    ...list('subservice', subservices),
  ];
}

export interface SeedReport {
  inserted: number;
  updated: number;
  keptLocal: number;
}

export function seedReferenceData(db: Db): SeedReport {
  const report: SeedReport = { inserted: 0, updated: 0, keptLocal: 0 };
  db.$client
    .transaction(() => {
      for (const s of referenceSeeds()) {
        const h = hash(s);
        const cur = db
          .select({ seedHash: refItems.seedHash, locallyModified: refItems.locallyModified })
          .from(refItems)
          .where(and(eq(refItems.kind, s.kind), eq(refItems.code, s.code)))
          .get();
        if (!cur) {
          db.insert(refItems).values({ ...s, seedHash: h }).run();
          report.inserted++;
        } else if (cur.seedHash !== h) {
          if (cur.locallyModified) {
            report.keptLocal++;
            continue;
          }
          db.update(refItems)
            .set({ ...s, seedHash: h, ...nextRevBySystem(new Date()) })
            .where(and(eq(refItems.kind, s.kind), eq(refItems.code, s.code)))
            .run();
          report.updated++;
        }
      }
      for (const s of serviceCatalogue as { code: string; type: number; name: string; unit: string; urgent?: boolean }[]) {
        const h = hash(s);
        const cur = db.select({ seedHash: services.seedHash, locallyModified: services.locallyModified }).from(services).where(eq(services.code, s.code)).get();
        const values = { code: s.code, type: s.type, name: s.name, unit: s.unit, urgent: s.urgent ?? false, seedHash: h };
        if (!cur) {
          db.insert(services).values(values).run();
          report.inserted++;
        } else if (cur.seedHash !== h) {
          if (cur.locallyModified) report.keptLocal++;
          else {
            db.update(services).set({ ...values, ...nextRevBySystem(new Date()) }).where(eq(services.code, s.code)).run();
            report.updated++;
          }
        }
      }
      seedStarterProviders(db, report);
      seedDeadlineTerms(db, report);
      for (const y of calendar.years) {
        const h = hash(y);
        const cur = db.select().from(calendarYears).where(eq(calendarYears.year, y.year)).get();
        if (cur && (cur.seedHash === h || cur.locallyModified)) {
          if (cur.seedHash !== h) report.keptLocal++;
          continue;
        }
        replaceCalendarYear(db, { year: y.year, source: y.source, confirmed: y.confirmed, days: y.days.map(shippedDay), seedHash: h, locallyModified: false }, nextRevBySystem(new Date()));
        if (cur) report.updated++;
        else report.inserted++;
      }
    })
    .immediate();
  return report;
}

/** A day of the shipped calendar.json (its kind checked: the JSON types it as any string). */
function shippedDay(d: { date: string; kind: string; note?: string | null }) {
  if (!isCalendarDayKind(d.kind)) throw new RangeError(`calendar.json: invalid day kind for ${d.date}: ${d.kind}`);
  return { ...d, kind: d.kind };
}

/** Set once the starter providers were offered: they are loaded on a fresh install only, never again after the administrator edits the register. */
const STARTER_PROVIDERS_SETTING = 'starter_providers_loaded';

/** A fresh install gets a small sample of providers (marked «(не подтверждено)», edited like any other) instead of an empty register. */
function seedStarterProviders(db: Db, report: SeedReport): void {
  if (getSetting(db, STARTER_PROVIDERS_SETTING)) return;
  setSetting(db, STARTER_PROVIDERS_SETTING, new Date().toISOString());
  if (db.select({ id: providers.id }).from(providers).limit(1).get()) return;
  for (const p of starterProviders.providers) {
    db.insert(providers).values({ name: p.name, address: p.address, forms: SaveProviderInput.shape.forms.parse(p.forms), serviceCodes: p.serviceCodes, updatedAt: new Date().toISOString(), updatedBy: null }).run();
    report.inserted++;
  }
}

export interface CalendarYearInput {
  year: number;
  source: string;
  confirmed: boolean;
  days: { date: string; kind: CalendarDayKind; note?: string | null }[];
  seedHash: string | null;
  locallyModified: boolean;
}

/** Replaces one year of the calendar (call inside a transaction); `revision` bumps the year's revision (main/backend/revisions). */
export function replaceCalendarYear(db: Db, y: CalendarYearInput, revision: RevisionSet): void {
  db.delete(calendarDays).where(eq(calendarDays.year, y.year)).run();
  const { rev: next, ...who } = revision;
  db.insert(calendarYears)
    .values({ year: y.year, source: y.source, confirmed: y.confirmed, seedHash: y.seedHash, locallyModified: y.locallyModified, ...who })
    .onConflictDoUpdate({
      target: calendarYears.year,
      set: { source: y.source, confirmed: y.confirmed, seedHash: y.seedHash, locallyModified: y.locallyModified, rev: next, ...who },
    })
    .run();
  for (const d of y.days) {
    db.insert(calendarDays).values({ date: d.date, year: y.year, kind: d.kind, note: d.note ?? null }).run();
  }
}

/**
 * Agency code -> the name the forms print, as the UI shows it: the short
 * current name (ОСФР, УВМ УМВД…) of the reference data, else the full one.
 * The one place the printed forms take agency names from.
 */
export function agencyPrintNames(db: Db): Record<string, string> {
  return Object.fromEntries(
    db
      .select({ code: refItems.code, name: refItems.name, shortName: refItems.shortName })
      .from(refItems)
      .where(eq(refItems.kind, 'agency'))
      .all()
      .map((r) => [r.code, r.shortName ?? r.name]),
  );
}
