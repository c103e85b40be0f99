/**
 * Arithmetic of the office's statistics (p.48 control, the statistical
 * report): working days between two dates in O(1) over a precomputed index of
 * the production calendar, the distribution of working days from
 * registration to decision against the term, and the compliance of a stage
 * with its deadline. Pure functions, no I/O.
 */
import type { ProductionCalendar } from './calendar';
import { fromDayNumber, toDayNumber } from './dates';

/**
 * Cumulative working days over a span of years, so that the working days
 * between two dates are one subtraction. Outside the span it asks the
 * calendar day by day.
 */
export class WorkingDayIndex {
  private readonly first: number;
  private readonly cum: Int32Array;

  constructor(
    private readonly cal: ProductionCalendar,
    fromYear = 2010,
    toYear = 2040,
  ) {
    this.first = toDayNumber(`${fromYear}-01-01`);
    const last = toDayNumber(`${toYear}-12-31`);
    this.cum = new Int32Array(last - this.first + 1);
    let n = 0;
    for (let d = this.first; d <= last; d++) {
      if (cal.isWorkingDay(fromDayNumber(d))) n++;
      this.cum[d - this.first] = n;
    }
  }

  /** Working days after `from` up to and including `to` («со дня X» counting); 0 when `to` is not after `from`. */
  between(from: string, to: string): number {
    const a = dayNumberFast(from) - this.first;
    const b = dayNumberFast(to) - this.first;
    if (b <= a) return 0;
    if (a >= 0 && b < this.cum.length) return this.cum[b] - this.cum[a];
    return this.cal.countWorkingDays(fromDayNumber(a + this.first + 1), to);
  }
}

/** toDayNumber for a known-valid 'YYYY-MM-DD', without the validation (the hot path of statistics). */
function dayNumberFast(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

/** Days 0…DISTRIBUTION_MAX_DAY are counted one by one; longer ones in one «more» bucket. */
export const DISTRIBUTION_MAX_DAY = 20;

export interface DurationDistribution {
  /** count[d] for d = 0…DISTRIBUTION_MAX_DAY. */
  byDay: number[];
  /** Longer than DISTRIBUTION_MAX_DAY. */
  more: number;
  total: number;
  onTime: number;
  /** onTime / total, 0 when nothing was decided. */
  shareOnTime: number;
}

/**
 * Distribution of durations (working days) and how many met their deadline
 * (each case has its own: the result date counted with the terms it was
 * registered with).
 */
export function durationDistribution(items: readonly { days: number; onTime: boolean }[]): DurationDistribution {
  const byDay = new Array<number>(DISTRIBUTION_MAX_DAY + 1).fill(0);
  let more = 0;
  let onTime = 0;
  for (const it of items) {
    if (it.days > DISTRIBUTION_MAX_DAY) more++;
    else byDay[it.days]++;
    if (it.onTime) onTime++;
  }
  return { byDay, more, total: items.length, onTime, shareOnTime: items.length ? onTime / items.length : 0 };
}

export type StageOutcome = 'on_time' | 'late' | 'pending' | 'overdue' | 'not_applicable';

/**
 * A stage against its deadline: done on or before it (on time), done after
 * it (late), not done yet and the deadline still ahead (pending) or passed
 * (overdue), or the stage does not apply (no deadline, or the procedure ended
 * before reaching it).
 */
export function stageOutcome(s: { due: string | null; doneDate: string | null; closed: boolean; today: string }): StageOutcome {
  if (!s.due) return 'not_applicable';
  if (s.doneDate) return s.doneDate <= s.due ? 'on_time' : 'late';
  if (s.closed) return 'not_applicable';
  return s.due < s.today ? 'overdue' : 'pending';
}
