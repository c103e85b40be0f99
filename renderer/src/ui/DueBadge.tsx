/**
 * A deadline as a badge: the date (ДД.ММ.ГГГГ) and what is due, coloured by
 * urgency as the API computed it on the production calendar: red overdue,
 * orange today, yellow within 2 working days, green later, gray when the step
 * is done or the case is closed.
 */
import { Badge, Text, type BadgeProps } from '@mantine/core';
import { formatRuDate, isIsoDate } from '../../../core/domain/dates';
import { URGENCY_LABELS, type Urgency } from '../../../core/domain/deadlines';

export type { Urgency };

const COLORS: Record<Urgency, { color: string; variant: BadgeProps['variant'] }> = {
  overdue: { color: 'red', variant: 'filled' },
  today: { color: 'orange', variant: 'filled' },
  soon: { color: 'yellow', variant: 'filled' },
  later: { color: 'green', variant: 'light' },
};

/** Short words added to the badge so that urgency does not rest on colour alone. */
const SUFFIX: Partial<Record<Urgency, string>> = { overdue: 'просрочено', today: 'сегодня' };

export interface DueBadgeProps {
  /** ISO 'YYYY-MM-DD'; null shows a dash. */
  date: string | null | undefined;
  /** From the API (CaseRow.urgency); null/undefined with done=false shows a neutral badge. */
  urgency?: Urgency | null;
  /** What is due, e.g. «Решение». */
  label?: string | null;
  /** The step is done (or the case closed): no urgency colour. */
  done?: boolean;
  size?: BadgeProps['size'];
}

export function DueBadge({ date, urgency, label, done = false, size = 'md' }: DueBadgeProps) {
  if (!date) {
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const shown = isIsoDate(date) ? formatRuDate(date) : date;
  const u = done ? null : (urgency ?? null);
  const style = u ? COLORS[u] : { color: 'gray', variant: 'light' as const };
  const parts = [shown, label, u ? SUFFIX[u] : undefined].filter(Boolean);
  const title = [label, shown, done ? 'этап пройден' : u ? URGENCY_LABELS[u] : undefined].filter(Boolean).join(' — ');
  return (
    <Badge
      color={style.color}
      variant={style.variant}
      autoContrast
      size={size}
      tt="none"
      fw={600}
      title={title}
      data-urgency={u ?? (done ? 'done' : 'none')}
      style={{ flexShrink: 0, maxWidth: 'none' }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {parts.join(' · ')}
    </Badge>
  );
}
