/**
 * Exchange state and settings (table exchange_state): the inbound cursor, the
 * last successful sync, the portal URL, the office secret and the interval.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import { exchangeState } from '../../../db/schema-exchange';
import { getSetting, OFFICE_SETTING } from '../views';

export const STATE_KEYS = {
  inboundCursor: 'inbound_cursor',
  lastSuccess: 'last_success',
  lastAttempt: 'last_attempt',
  portalUrl: 'portal_url',
  officeSecret: 'office_secret',
  intervalMinutes: 'interval_minutes',
} as const;

export const DEFAULT_INTERVAL_MINUTES = 15;

export function getState(db: Db, key: string): string | null {
  return db.select({ value: exchangeState.value }).from(exchangeState).where(eq(exchangeState.key, key)).get()?.value ?? null;
}

export function setState(db: Db, key: string, value: string | null): void {
  if (value === null) {
    db.delete(exchangeState).where(eq(exchangeState.key, key)).run();
    return;
  }
  db.insert(exchangeState).values({ key, value }).onConflictDoUpdate({ target: exchangeState.key, set: { value } }).run();
}

export interface ExchangeSettings {
  portalUrl: string | null;
  /** The shared secret issued by the portal for this office (never shown back in full). */
  officeSecret: string | null;
  intervalMinutes: number;
}

export function getExchangeSettings(db: Db): ExchangeSettings {
  const interval = Number(getState(db, STATE_KEYS.intervalMinutes));
  return {
    portalUrl: getState(db, STATE_KEYS.portalUrl),
    officeSecret: getState(db, STATE_KEYS.officeSecret),
    intervalMinutes: Number.isFinite(interval) && interval > 0 ? interval : DEFAULT_INTERVAL_MINUTES,
  };
}

/** Whether the exchange can talk to a portal: an address and the office's secret are both set. */
export function exchangeConfigured(s: ExchangeSettings): boolean {
  return Boolean(s.portalUrl && s.officeSecret);
}

/** Saves the settings given (undefined: unchanged). Call inside a transaction with the audit record. */
export function saveExchangeSettings(db: Db, s: Partial<ExchangeSettings>): void {
  if (s.portalUrl !== undefined) setState(db, STATE_KEYS.portalUrl, s.portalUrl ? s.portalUrl.replace(/\/+$/, '') : null);
  if (s.officeSecret !== undefined) setState(db, STATE_KEYS.officeSecret, s.officeSecret || null);
  if (s.intervalMinutes !== undefined) setState(db, STATE_KEYS.intervalMinutes, String(s.intervalMinutes));
}

/** The office code this installation exchanges as (the office chosen at first run). */
export function officeCodeOf(db: Db): string {
  const code = getSetting(db, OFFICE_SETTING);
  if (!code) throw new Error('office not initialised');
  return code;
}
