/**
 * Tables of the exchange with the central portal (protocol v1,
 * docs/exchange-protocol.md). Same conventions as db/schema.ts: ISO-8601 UTC
 * timestamps, 'YYYY-MM-DD' dates, booleans as 0/1, JSON as text.
 */
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CONTRACT_STATUSES, OUTBOUND_TYPES, PORTAL_CHANNELS, type ApplicationSubmittedPayload, type OutboundType } from '../core/exchange/protocol';
import { cases, oneOf } from './schema';

/** An inbound event was applied, or set aside with its reason (quarantined). */
export const INBOX_STATUSES = ['applied', 'quarantined'] as const;
/** How an inbound event came: over HTTP from the portal, or in a package file. */
export const EXCHANGE_VIAS = ['http', 'package'] as const;
export const EXCHANGE_LOG_KINDS = ['sync', 'export', 'import'] as const;
/** 'running' while a sync is under way. */
export const EXCHANGE_LOG_OUTCOMES = ['running', 'ok', 'error'] as const;

/**
 * Office → portal events, written in the same transaction as the change they
 * report. `seq` is the event's sequence number on the wire: AUTOINCREMENT
 * never reuses a number and a rolled-back transaction takes its number back,
 * so the sequence has no gaps. Acked rows are kept (history, re-export).
 */
export const exchangeOutbox = sqliteTable(
  'exchange_outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    type: text('type').$type<OutboundType>().notNull(),
    schemaVersion: integer('schema_version').notNull(),
    payload: text('payload', { mode: 'json' }).$type<unknown>().notNull(),
    /** occurredAt of the event. */
    createdAt: text('created_at').notNull(),
    /** When the portal acknowledged it (applied or rejected); null while pending. */
    ackedAt: text('acked_at'),
    attempts: integer('attempts').notNull().default(0),
    /** Last transport error, or the portal's rejection reason. */
    lastError: text('last_error'),
  },
  (t) => [index('exchange_outbox_pending_idx').on(t.ackedAt, t.seq), oneOf('exchange_outbox', t.type, OUTBOUND_TYPES)],
);

/** Portal → office events received (applied or quarantined), idempotency by id. */
export const exchangeInbox = sqliteTable(
  'exchange_inbox',
  {
    id: text('id').primaryKey(),
    portalSeq: integer('portal_seq'),
    type: text('type').notNull(),
    payload: text('payload', { mode: 'json' }).$type<unknown>(),
    receivedAt: text('received_at').notNull(),
    status: text('status', { enum: INBOX_STATUSES }).notNull(),
    /** Why it was quarantined (Russian, shown to the administrator). */
    error: text('error'),
    appliedAt: text('applied_at'),
    via: text('via', { enum: EXCHANGE_VIAS }).notNull().default('http'),
  },
  (t) => [index('exchange_inbox_status_idx').on(t.status), oneOf('exchange_inbox', t.status), oneOf('exchange_inbox', t.via)],
);

/** Exchange state and settings: inbound cursor, last success, portal URL, office secret, interval. */
export const exchangeState = sqliteTable('exchange_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** History of exchange sessions (HTTP syncs, package exports and imports). */
export const exchangeLog = sqliteTable(
  'exchange_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: EXCHANGE_LOG_KINDS }).notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    pushed: integer('pushed').notNull().default(0),
    pulled: integer('pulled').notNull().default(0),
    quarantined: integer('quarantined').notNull().default(0),
    outcome: text('outcome', { enum: EXCHANGE_LOG_OUTCOMES }).notNull(),
    error: text('error'),
  },
  (t) => [index('exchange_log_started_idx').on(t.startedAt), oneOf('exchange_log', t.kind), oneOf('exchange_log', t.outcome)],
);

/** Online applications waiting for registration (p.35: within 1 working day of receipt). */
export const portalApplications = sqliteTable(
  'portal_applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    portalId: text('portal_id').notNull().unique(),
    eventId: text('event_id').notNull(),
    channel: text('channel', { enum: PORTAL_CHANNELS }).notNull(),
    applicantName: text('applicant_name').notNull(),
    /** The application.submitted payload (convertible to RegisterInput by core/exchange/protocol toRegisterInput). */
    payload: text('payload', { mode: 'json' }).$type<ApplicationSubmittedPayload>().notNull(),
    receivedAt: text('received_at').notNull(),
    dueRegistration: text('due_registration').notNull(),
    caseId: integer('case_id').references(() => cases.id),
    registeredAt: text('registered_at'),
  },
  (t) => [index('portal_applications_open_idx').on(t.caseId, t.dueRegistration), oneOf('portal_applications', t.channel)],
);

/** Contract statuses from the portal, one row per change (history). */
export const portalContracts = sqliteTable(
  'portal_contracts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: text('event_id').notNull(),
    /** Null when the ИППСУ is not in this database (e.g. signed before Socdesk). */
    caseId: integer('case_id').references(() => cases.id),
    ippsuNumber: text('ippsu_number').notNull(),
    contractNumber: text('contract_number'),
    provider: text('provider').notNull(),
    status: text('status', { enum: CONTRACT_STATUSES }).notNull(),
    date: text('date').notNull(),
    termFrom: text('term_from'),
    termUntil: text('term_until'),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [index('portal_contracts_case_idx').on(t.caseId), index('portal_contracts_ippsu_idx').on(t.ippsuNumber), oneOf('portal_contracts', t.status)],
);

/** Services delivered under an ИППСУ, per service and period; act_signed once the citizen signed the act. */
export const portalDeliveries = sqliteTable(
  'portal_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: text('event_id').notNull(),
    caseId: integer('case_id').references(() => cases.id),
    ippsuNumber: text('ippsu_number').notNull(),
    contractNumber: text('contract_number'),
    serviceCode: text('service_code'),
    serviceName: text('service_name').notNull(),
    quantity: real('quantity').notNull(),
    unit: text('unit'),
    periodFrom: text('period_from').notNull(),
    periodUntil: text('period_until').notNull(),
    actSigned: integer('act_signed', { mode: 'boolean' }).notNull().default(false),
    actSignedAt: text('act_signed_at'),
  },
  (t) => [index('portal_deliveries_case_idx').on(t.caseId), index('portal_deliveries_ippsu_idx').on(t.ippsuNumber, t.periodFrom)],
);
