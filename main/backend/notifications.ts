/**
 * The change feed: which records changed, in commit order, for the live
 * updates of every connected client (core/api/changes.ts).
 *
 * The feed is the audit log. Every write appends its audit record in the
 * same transaction as the change (ctx.audit inside ctx.tx), so a committed
 * change is in the feed and a rolled-back one is not, and the audit row's id
 * is the feed's sequence number. `readFeed` is the one place that reads the
 * audit log for the feed: it takes only the row's id, entity and entity id,
 * and looks up the record's revision and case; the audit's before/after (which
 * hold personal data) never leave it, nor do other columns of the table.
 *
 * The backend calls `publish()` after every call; it reads what was
 * committed since the last time and hands it to the subscribers. A client
 * that connects (or reconnects) names the last sequence it saw and first
 * gets what it missed.
 */
import type { Statement } from 'better-sqlite3';
import type { Change, ChangeKind, ChangeMessage } from '../../core/api/changes';
import type { Db } from '../../db/connection';

/** A client further behind than this refreshes everything instead of replaying. */
export const MAX_CATCH_UP = 5000;

interface AuditRow {
  id: number;
  entity: string;
  entityId: string | null;
}

type Lookup = (entityId: string) => { rev: number | null; caseId: number | null; id?: string } | undefined;

/** Reads the feed from the audit log: changes with sequence in (after, upTo], oldest first. */
export function readFeed(db: Db, after: number, upTo: number, limit: number): Change[] {
  const rows = cached(db, 'rows', 'select id, entity, entity_id as entityId from audit_log where id > ? and id <= ? order by id limit ?').all(after, upTo, limit) as AuditRow[];
  const out: Change[] = [];
  for (const r of rows) {
    const c = toChange(db, r);
    if (c) out.push(c);
  }
  return out;
}

/** The sequence of the last committed change. */
export function feedHead(db: Db): number {
  return (cached(db, 'head', 'select coalesce(max(id), 0) as n from audit_log').get() as { n: number }).n;
}

const statements = new WeakMap<Db, Map<string, Statement>>();
function cached(db: Db, key: string, sql: string): Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let s = m.get(key);
  if (!s) m.set(key, (s = db.$client.prepare(sql)));
  return s;
}

function lookup(db: Db, key: string, sql: string): Lookup {
  return (entityId) => cached(db, key, sql).get(entityId) as ReturnType<Lookup>;
}

/** The audit entity → the kind of change, and how to find the record's revision and case. */
function toChange(db: Db, r: AuditRow): Change | null {
  const e = r.entity;
  const id = r.entityId;
  const make = (kind: ChangeKind, found?: ReturnType<Lookup>, changeId: string | null = id): Change => ({
    seq: r.id,
    kind,
    id: found?.id ?? changeId,
    rev: found?.rev ?? null,
    caseId: found?.caseId ?? null,
  });
  if (e === 'journal') return null; // the journal printed: nothing on screen changes
  if (e === 'user' && id === null) return null; // a failed sign-in under an unknown name: no record changed
  if (id === null) return make(e.startsWith('exchange') ? 'exchange' : 'other');
  switch (e) {
    case 'case':
      return make('case', lookup(db, 'case', 'select rev, id as caseId from cases where id = ?')(id));
    case 'person':
      return make('person', lookup(db, 'person', 'select rev, null as caseId from persons where id = ?')(id));
    case 'request':
      return make('request', lookup(db, 'request', 'select rev, case_id as caseId from interagency_requests where id = ?')(id));
    case 'decision':
      return make('decision', lookup(db, 'decision', 'select rev, case_id as caseId from case_decisions where id = ?')(id));
    case 'user':
      return make('user', lookup(db, 'user', 'select rev, null as caseId from users where id = ?')(id));
    case 'office':
      return make('office', lookup(db, 'office', "select rev, null as caseId from ref_items where kind = 'office' and code = ?")(id));
    case 'calendar':
      return make('calendar', lookup(db, 'calendar', 'select rev, null as caseId from calendar_years where year = ?')(id));
    case 'service':
      return make('service', lookup(db, 'service', 'select rev, null as caseId from services where code = ?')(id));
    case 'provider':
      return make('provider', lookup(db, 'provider', 'select rev, null as caseId from providers where id = ?')(id));
  }
  if (e.startsWith('act.')) {
    // Acts are audited under their case's id; the change names the act.
    const kind = e === 'act.appendix4' ? 'appendix4' : 'appendix3';
    const row = cached(db, 'act', "select cast(id as text) as id, rev, case_id as caseId from case_acts where case_id = ? and kind = ?").get(id, kind) as
      | { id: string; rev: number; caseId: number }
      | undefined;
    return make('act', row ?? { rev: null, caseId: Number(id) }, null);
  }
  if (e.startsWith('ref.')) {
    const kind = e.slice(4);
    const row = cached(db, 'ref', 'select rev from ref_items where kind = ? and code = ?').get(kind, id) as { rev: number } | undefined;
    return make('ref', { rev: row?.rev ?? null, caseId: null }, `${kind}:${id}`);
  }
  if (e.startsWith('exchange')) return make('exchange', undefined, null);
  return make('other');
}

export interface Subscriber {
  send(m: ChangeMessage): void;
  /** The feed is closing (the host shuts down). */
  end(): void;
}

export class ChangeFeed {
  private head: number;
  private readonly subscribers = new Set<Subscriber>();

  constructor(private readonly db: Db) {
    this.head = feedHead(db);
  }

  /** The sequence of the last change handed to subscribers. */
  get seq(): number {
    return this.head;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Hands what was committed since the last call to every subscriber. Cheap when nothing changed. */
  publish(): void {
    const latest = feedHead(this.db);
    if (latest <= this.head) {
      this.head = latest;
      return;
    }
    if (this.subscribers.size === 0) {
      this.head = latest;
      return;
    }
    while (this.head < latest) {
      const batch = readFeed(this.db, this.head, latest, 500);
      if (batch.length === 0) break;
      for (const change of batch) for (const s of this.subscribers) s.send({ type: 'change', change });
      this.head = batch[batch.length - 1].seq;
      if (batch.length < 500) break;
    }
    this.head = latest;
  }

  /**
   * Starts one client's stream: what it missed after `after` (nothing when
   * null: a new client loads fresh data anyway), then `ready`, then changes
   * as they are committed. Returns the function that stops it.
   */
  open(after: number | null, sub: Subscriber): () => void {
    this.publish();
    const head = this.head;
    if (after !== null) {
      if (after > head || head - after > MAX_CATCH_UP) sub.send({ type: 'reset', seq: head });
      else for (const change of readFeed(this.db, after, head, MAX_CATCH_UP)) sub.send({ type: 'change', change });
    }
    sub.send({ type: 'ready', seq: head });
    this.subscribers.add(sub);
    return () => {
      this.subscribers.delete(sub);
    };
  }

  /** Ends every stream (the host is closing). */
  close(): void {
    for (const s of [...this.subscribers]) s.end();
    this.subscribers.clear();
  }
}
