/**
 * The office's clock for tests. "Today" and "now" are always read on the
 * office's wall clock (UTC+5) through the same functions the app uses, never
 * by slicing a UTC timestamp: from 19:00 UTC the two dates differ.
 */
import { localDateTime, todayIso } from '../../core/domain/dates';

/** The office's date at an instant (default now), 'YYYY-MM-DD'. */
export function officeToday(at: Date | string = new Date()): string {
  return todayIso(typeof at === 'string' ? new Date(at) : at);
}

/** The office's date and time `minutesAgo` minutes before now, 'YYYY-MM-DDTHH:MM'. */
export function officeDateTime(minutesAgo = 0): string {
  return localDateTime(new Date(Date.now() - minutesAgo * 60_000));
}

/** The office's current year. */
export function officeYear(): number {
  return Number(officeToday().slice(0, 4));
}
