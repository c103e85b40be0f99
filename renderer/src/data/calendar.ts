/** The production calendar of this and next year, from the cache, for the urgency of deadlines shown on a case. */
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { Out } from '../../../core/api/contract';
import { ProductionCalendar, type CalendarDay } from '../../../core/domain/calendar';
import { urgency as urgencyOf, type Urgency } from '../../../core/domain/deadlines';
import { hostToday } from '../clock';
import { apiQuery } from './queries';

/** The calendar (null until loaded, or when a year is missing). */
export function useWorkCalendar(): ProductionCalendar | null {
  const y = Number(hostToday().slice(0, 4));
  // `combine` (a stable function) runs again only when a year is (re-)read.
  return useQueries({ queries: [y, y + 1].map((year) => ({ ...apiQuery('calendar.year', { year }), staleTime: 600_000 })), combine: build });
}

function build(years: UseQueryResult<Out<'calendar.year'>>[]): ProductionCalendar | null {
  if (years.some((q) => q.isPending)) return null;
  const got = years.flatMap((q) => (q.data ? [q.data] : []));
  try {
    return new ProductionCalendar({ years: got.map((g) => g.year.year), days: got.flatMap((g) => g.days as CalendarDay[]) });
  } catch {
    return null;
  }
}

/** Overdue / today / within 2 working days / later; without the calendar, by plain dates. */
export function dueUrgency(cal: ProductionCalendar | null, date: string): Urgency {
  const today = hostToday();
  if (cal) {
    try {
      return urgencyOf(cal, date, today);
    } catch {
      // a date outside the calendar's years: compare plainly
    }
  }
  return date < today ? 'overdue' : date === today ? 'today' : 'later';
}
