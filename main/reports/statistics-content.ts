/**
 * The contents of the statistical report for a period, as tables of text and
 * numbers: one source for its DOCX (main/forms/statistics-report.ts) and its
 * XLSX (main/reports/statistics-xlsx.ts), so the two always say the same.
 */
import { CASE_OUTCOME_LABELS } from '../../core/api/control-filters';
import { CASE_STATUS_LABELS } from '../../core/domain/case-states';
import { CHANNEL_LABELS } from '../../core/domain/deadlines';
import { formatRuDate } from '../../core/domain/dates';
import { subserviceLabel } from '../../core/domain/labels';
import { REFUSAL_GROUNDS } from '../../core/domain/refusal-grounds';
import { DISTRIBUTION_MAX_DAY } from '../../core/domain/statistics';
import type { openSnapshot, periodStatistics } from '../backend/control/statistics';

export type PeriodStatistics = ReturnType<typeof periodStatistics>;
export type OpenSnapshot = ReturnType<typeof openSnapshot>;

export interface StatisticsReportData {
  officeName: string;
  from: string;
  to: string;
  /** The specialist the report is restricted to, if any. */
  specialistName: string | null;
  stats: PeriodStatistics;
  snapshot: OpenSnapshot;
  generatedAt: string;
  generatedBy: string;
}

export interface ReportTable {
  title: string;
  columns: string[];
  /** Relative widths of the columns. */
  widths: number[];
  rows: (string | number)[][];
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toLocaleString('ru-RU')} %`;
const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
export const monthLabel = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

export function reportTitle(d: StatisticsReportData): string[] {
  return [
    'Статистический отчёт',
    'о предоставлении государственной услуги по признанию граждан нуждающимися в социальном обслуживании',
    `за период с ${formatRuDate(d.from)} по ${formatRuDate(d.to)}`,
  ];
}

export function reportTables(d: StatisticsReportData): ReportTable[] {
  const s = d.stats;
  const sumBy = <K extends string>(key: K, pick: (m: PeriodStatistics['months'][number]) => { [P in K]: string }[] & { count: number }[]) => {
    const out = new Map<string, number>();
    for (const m of s.months) for (const x of pick(m)) out.set(x[key], (out.get(x[key]) ?? 0) + x.count);
    return out;
  };
  const bySub = sumBy('subservice', (m) => m.bySubservice);
  const byChan = sumBy('channel', (m) => m.byChannel);
  const subs = s.months[0]?.bySubservice.map((x) => x.subservice) ?? [];
  const dist = s.durations;

  return [
    {
      title: '1. Зарегистрированные заявления',
      columns: ['Показатель', 'Количество'],
      widths: [140, 30],
      rows: [
        ['Всего зарегистрировано в журнале за период', s.registered.count],
        ...[...bySub].map(([k, n]) => [`подуслуга ${subserviceLabel(k)}`, n] as (string | number)[]),
        ...[...byChan].map(([k, n]) => [`способ поступления: ${CHANNEL_LABELS[k as keyof typeof CHANNEL_LABELS] ?? k}`, n] as (string | number)[]),
        ['Зарегистрировано с нарушением срока (п. 35, 43)', s.lateRegistrations.count],
      ],
    },
    {
      title: '2. Заявления по месяцам и подуслугам',
      columns: ['Месяц', ...subs.map(subserviceLabel), 'Всего'],
      widths: [26, ...subs.map(() => 27), 16],
      rows: s.months.map((m) => [monthLabel(m.month), ...m.bySubservice.map((x) => x.count), m.total.count]),
    },
    {
      title: '3. Результаты рассмотрения заявлений',
      columns: ['Результат', 'Количество'],
      widths: [140, 30],
      rows: s.outcomes.map((o) => [CASE_OUTCOME_LABELS[o.outcome], o.count]),
    },
    {
      title: '4. Отказы по основаниям пункта 31 регламента',
      columns: ['Основание отказа', 'Количество'],
      widths: [140, 30],
      rows: s.refusalsByGround.map((g) => [REFUSAL_GROUNDS.find((x) => x.code === g.ground)!.text, g.count]),
    },
    {
      title: '5. Срок от регистрации до подписания результата (рабочих дней) при сроке 15 рабочих дней (п. 17)',
      columns: ['Показатель', 'Количество'],
      widths: [140, 30],
      rows: [
        ['Подписан результат', dist.decided.count],
        ['в срок', dist.onTime.count],
        ['с нарушением срока', dist.late.count],
        ['Доля подписанных в срок', pct(dist.shareOnTime)],
        ...dist.byDay.filter((b) => b.count > 0).map((b) => [`${b.days} раб. дн.`, b.count] as (string | number)[]),
        ...(dist.more.count ? [[`более ${DISTRIBUTION_MAX_DAY} раб. дн.`, dist.more.count] as (string | number)[]] : []),
      ],
    },
    {
      title: '6. Соблюдение сроков по этапам',
      columns: ['Этап', 'Пункт', 'В срок', 'С нарушением', 'Срок не истёк', 'Просрочено', 'Доля в срок'],
      widths: [60, 20, 18, 22, 20, 20, 20],
      rows: s.compliance.map((c) => [c.title, c.paragraph, c.on_time, c.late, c.pending, c.overdue, pct(c.shareOnTime)]),
    },
    {
      title: `7. Дела в работе на ${formatRuDate(d.snapshot.today)}`,
      columns: ['Состояние', 'Количество'],
      widths: [140, 30],
      rows: [
        ...d.snapshot.byStatus.map((x) => [CASE_STATUS_LABELS[x.status], x.count] as (string | number)[]),
        ['Просрочен ближайший срок', d.snapshot.byDeadline[0]!.count],
        ['Жалобы на рассмотрении', d.snapshot.complaints.open.count],
        ['Жалобы с нарушенным сроком', d.snapshot.complaints.overdue.count],
      ],
    },
  ];
}
