/**
 * The host's clock on this workstation. «Now» and «today» come from the
 * office's host, never from the workstation's own clock, which may be hours
 * off: the renderer learns the difference once at start (and again whenever
 * it re-syncs) and applies it to every reading. Dates are then taken on the
 * office's wall clock (core/domain/dates).
 */
import { localDateTime, todayIso } from '../../core/domain/dates';

let skewMs = 0;

/** Records the host's time as read at `sentAt`..`receivedAt` on this workstation's clock. */
export function setHostTime(hostNowIso: string, sentAt: number, receivedAt: number): void {
  const host = Date.parse(hostNowIso);
  if (!Number.isNaN(host)) skewMs = host - (sentAt + receivedAt) / 2;
}

/** The host's «now». */
export function hostNow(): Date {
  return new Date(Date.now() + skewMs);
}

/** The office's date today, on the host's clock: 'YYYY-MM-DD'. */
export function hostToday(): string {
  return todayIso(hostNow());
}

/** The office's date and time now, on the host's clock: 'YYYY-MM-DDTHH:MM'. */
export function hostDateTime(): string {
  return localDateTime(hostNow());
}

/** Asks the host for its time and records the difference; `read` is the API call. */
export async function syncHostClock(read: () => Promise<{ now: string }>): Promise<void> {
  const sentAt = Date.now();
  const { now } = await read();
  setHostTime(now, sentAt, Date.now());
}
