/**
 * The database schema (drizzle-orm, SQLite). Migrations are generated from
 * this file with `npm run db:generate` and committed under db/migrations.
 *
 * Conventions: timestamps are ISO-8601 UTC strings ('2026-11-25T16:30:00.000Z'),
 * calendar dates are 'YYYY-MM-DD', booleans are integers 0/1.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** Key-value settings of this installation (chosen office, first-run flag, …). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  position: text('position').notNull(),
  /** JSON array of roles: ["reception","specialist","head","admin"]. */
  roles: text('roles', { mode: 'json' }).$type<string[]>().notNull(),
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: text('locked_until'),
  lastLoginAt: text('last_login_at'),
  createdAt: text('created_at').notNull().default(now),
});

/** Browser-mode sessions (the cookie carries the token; only its hash is stored). */
export const sessions = sqliteTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
});

/** Every write: who, when, which entity, before and after. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    username: text('username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  (t) => [index('audit_at_idx').on(t.at), index('audit_entity_idx').on(t.entity, t.entityId), index('audit_user_idx').on(t.userId)],
);

/**
 * Reference data seeded from resources/reference: offices (Appendix 1), MFC
 * offices (Appendix 2), agencies (p.14), sub-services (p.1). A record edited
 * by the administrator is flagged locally_modified and never overwritten by a
 * later seed.
 */
export const refItems = sqliteTable(
  'ref_items',
  {
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    number: integer('number'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    locallyModified: integer('locally_modified', { mode: 'boolean' }).notNull().default(false),
    /** Hash of the seed record last applied, to tell whether the seed changed. */
    seedHash: text('seed_hash'),
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] })],
);

/** Years covered by the production calendar. */
export const calendarYears = sqliteTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  confirmed: integer('confirmed', { mode: 'boolean' }).notNull(),
  locallyModified: integer('locally_modified', { mode: 'boolean' }).notNull().default(false),
  seedHash: text('seed_hash'),
});

/** Exceptions to the Mon–Fri week: holidays, transferred days off, working weekend days. */
export const calendarDays = sqliteTable(
  'calendar_days',
  {
    date: text('date').primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => calendarYears.year),
    kind: text('kind').notNull(),
    note: text('note'),
  },
  (t) => [index('calendar_days_year_idx').on(t.year)],
);
