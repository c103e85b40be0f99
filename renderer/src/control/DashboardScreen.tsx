/**
 * The control dashboard (#/control, p.48), the head's home: for a chosen
 * registration period and specialist — open cases by state and by stage
 * deadline, late registrations, cases per specialist with their overdue,
 * complaints open and due; charts of applications per month by sub-service
 * and by channel, of outcomes and of working days from registration to
 * decision against the 15-day term. Every figure opens the list behind it.
 */
import { BarChart, DonutChart } from '@mantine/charts';
import { Card, Group, Loader, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { Out } from '../../../core/api/contract';
import type { ComplaintFilters } from '../../../core/api/complaints';
import { CASE_OUTCOME_LABELS } from '../../../core/api/control-filters';
import { CASE_STATUS_LABELS } from '../../../core/domain/case-states';
import { isoFromParts } from '../../../core/domain/dates';
import { CHANNEL_LABELS } from '../../../core/domain/deadlines';
import { subserviceLabel } from '../../../core/domain/labels';
import { refusalGround } from '../../../core/domain/refusal-grounds';
import { api } from '../api';
import { hostToday } from '../clock';
import { useApi } from '../data/queries';
import { LabeledSelect, useDirectory, userOptions, useSessionState } from '../ui/cases';
import { Page } from '../ui/Page';
import { Pending } from './parts';
import { RuDateInput } from '../ui/RuDateInput';
import type { CaseFilter } from './FigureListScreen';
import { JobButton } from './jobs';

type Dashboard = Out<'control.dashboard'>;
interface Figure {
  count: number;
  filter: CaseFilter;
}

const MONTHS = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const monthLabel = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(2, 4)}`;
const COLORS = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.7', 'gray.6'];

function yearToDate(): { from: string; to: string } {
  const today = hostToday();
  return { from: isoFromParts(Number(today.slice(0, 4)), 1, 1), to: today };
}

/** Opens the case list behind a figure. */
function useOpenList() {
  const navigate = useNavigate();
  return {
    cases: (title: string, filter: CaseFilter) => void navigate({ to: '/control/list', search: { f: JSON.stringify(filter), t: title } }),
    complaints: (filter: ComplaintFilters) => void navigate({ to: '/complaints', search: { f: JSON.stringify(filter) } }),
  };
}

/** A number that opens its list. */
function Num({ n, onClick, label, color }: { n: number; onClick(): void; label: string; color?: string }) {
  return (
    <UnstyledButton onClick={onClick} aria-label={`${label}: ${n}`} title="Открыть список" style={{ textDecoration: n ? 'underline dotted' : undefined }}>
      <Text span fw={600} c={n ? color : 'dimmed'} inherit>
        {n.toLocaleString('ru-RU')}
      </Text>
    </UnstyledButton>
  );
}

function Stat({ title, n, color, onClick, note }: { title: string; n: number; color?: string; onClick(): void; note?: string }) {
  return (
    <UnstyledButton onClick={onClick} aria-label={`${title}: ${n}`} data-testid={`stat-${title}`}>
      <Card withBorder padding="xs" h="100%">
        <Text size="xs" c="dimmed" lh={1.2} mih={28}>
          {title}
        </Text>
        <Text fz={24} fw={700} c={n ? color : 'dimmed'} lh={1.3}>
          {n.toLocaleString('ru-RU')}
        </Text>
        {note && (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        )}
      </Card>
    </UnstyledButton>
  );
}

function ChartCard({ title, children, testid }: { title: string; children: React.ReactNode; testid: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testid}>
      <Text fw={600} size="sm" mb={4}>
        {title}
      </Text>
      {children}
    </Card>
  );
}

/** Rows of a month chart: one per month, a column per series; `figures` keeps each bar's filter for the click-through. */
function monthRows<K extends string>(d: Dashboard, pick: (m: Dashboard['period']['months'][number]) => { key: K; fig: Figure }[]) {
  const keys = new Set<K>();
  const rows = d.period.months.map((m) => {
    const row: Record<string, string | number> = { month: monthLabel(m.month) };
    for (const { key, fig } of pick(m)) {
      keys.add(key);
      row[key] = fig.count;
    }
    return row;
  });
  const figures = new Map<string, Figure>();
  d.period.months.forEach((m) => pick(m).forEach(({ key, fig }) => figures.set(`${monthLabel(m.month)}|${key}`, fig)));
  return { rows, keys: [...keys], figures };
}

function Charts({ d }: { d: Dashboard }) {
  const open = useOpenList();
  const bySub = monthRows(d, (m) => m.bySubservice.map((f) => ({ key: f.subservice, fig: f })));
  const byChannel = monthRows(d, (m) => m.byChannel.map((f) => ({ key: f.channel, fig: f })));
  const clickBar = (figures: Map<string, Figure>, label: (k: string) => string) => (series: { name: string }) => ({
    cursor: 'pointer',
    onClick: (bar: { payload?: { month?: string } }) => {
      const fig = figures.get(`${bar.payload?.month}|${series.name}`);
      if (fig) open.cases(`${label(series.name)}, ${bar.payload?.month}`, fig.filter);
    },
  });
  const outcomes = d.period.outcomes.filter((o) => o.count > 0);
  const dur = d.period.durations;
  const durRows = [...dur.byDay.map((b) => ({ days: String(b.days), count: b.count })), ...(dur.more.count ? [{ days: `>${dur.more.days - 1}`, count: dur.more.count }] : [])];
  return (
    <SimpleGrid cols={2} spacing="sm">
      <ChartCard title="Заявления по месяцам и подуслугам" testid="chart-subservice">
        <BarChart
          h={190}
          data={bySub.rows}
          dataKey="month"
          type="stacked"
          yAxisProps={{ allowDecimals: false }}
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 40 }}
          series={bySub.keys.map((k, i) => ({ name: k, label: subserviceLabel(k), color: COLORS[i % COLORS.length]! }))}
          barProps={clickBar(bySub.figures, subserviceLabel) as never}
        />
      </ChartCard>
      <ChartCard title="Заявления по месяцам и способам поступления" testid="chart-channel">
        <BarChart
          h={190}
          data={byChannel.rows}
          dataKey="month"
          type="stacked"
          yAxisProps={{ allowDecimals: false }}
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 40 }}
          series={byChannel.keys.map((k, i) => ({ name: k, label: CHANNEL_LABELS[k as keyof typeof CHANNEL_LABELS] ?? k, color: COLORS[i % COLORS.length]! }))}
          barProps={clickBar(byChannel.figures, (k) => CHANNEL_LABELS[k as keyof typeof CHANNEL_LABELS] ?? k) as never}
        />
      </ChartCard>
      <ChartCard title="Результаты рассмотрения" testid="chart-outcomes">
        <Group wrap="nowrap" align="center">
          <DonutChart
            size={130}
            thickness={22}
            withTooltip
            data={outcomes.length ? outcomes.map((o, i) => ({ name: CASE_OUTCOME_LABELS[o.outcome], value: o.count, color: COLORS[i % COLORS.length]! })) : [{ name: 'Нет данных', value: 1, color: 'gray.3' }]}
          />
          <Stack gap={2} style={{ flex: 1 }}>
            {d.period.outcomes.map((o, i) => (
              <Group key={o.outcome} justify="space-between" gap="xs">
                <Text size="sm">
                  <Text span c={COLORS[i % COLORS.length]} inherit>
                    ●{' '}
                  </Text>
                  {CASE_OUTCOME_LABELS[o.outcome]}
                </Text>
                <Num n={o.count} label={CASE_OUTCOME_LABELS[o.outcome]} onClick={() => open.cases(CASE_OUTCOME_LABELS[o.outcome], o.filter)} />
              </Group>
            ))}
            {d.period.refusalsByGround
              .filter((g) => g.count > 0)
              .map((g) => (
                <Group key={g.ground} justify="space-between" gap="xs" pl="md" wrap="nowrap">
                  <Text size="xs" c="dimmed" lineClamp={1} title={refusalGround(g.ground)?.text}>
                    отказ: {refusalGround(g.ground)?.text ?? g.ground}
                  </Text>
                  <Num n={g.count} label="Отказ по основанию" onClick={() => open.cases(`Отказ: ${refusalGround(g.ground)?.text ?? ''}`, g.filter)} />
                </Group>
              ))}
          </Stack>
        </Group>
      </ChartCard>
      <ChartCard title="Рабочих дней от регистрации до решения (срок — 15)" testid="chart-durations">
        <Group justify="space-between" mb={4}>
          <Text size="sm">
            В срок: <Num n={dur.onTime.count} label="Решено в срок" color="green" onClick={() => open.cases('Решено в срок', dur.onTime.filter)} /> из{' '}
            <Num n={dur.decided.count} label="Решено" onClick={() => open.cases('Решено', dur.decided.filter)} /> ({Math.round(dur.shareOnTime * 100)} %)
          </Text>
          <Text size="sm">
            С нарушением: <Num n={dur.late.count} label="Решено с нарушением срока" color="red" onClick={() => open.cases('Решено с нарушением срока', dur.late.filter)} />
          </Text>
        </Group>
        <BarChart
          h={150}
          data={durRows}
          dataKey="days"
          yAxisProps={{ allowDecimals: false }}
          series={[{ name: 'count', label: 'Дел', color: 'blue.6' }]}
          referenceLines={[{ x: '15', color: 'red.6', label: 'срок 15 дней', labelPosition: 'insideTopRight' }]}
          barProps={{
            cursor: 'pointer',
            onClick: (bar: { payload?: { days?: string } }) => {
              const days = bar.payload?.days;
              const fig = days?.startsWith('>') ? dur.more : dur.byDay.find((b) => String(b.days) === days);
              if (fig) open.cases(`Решено за ${days} раб. дн.`, fig.filter);
            },
          } as never}
        />
      </ChartCard>
    </SimpleGrid>
  );
}

const URGENCY_TITLES = { overdue: 'Просрочено', today: 'Срок сегодня', soon: 'В ближайшие 2 рабочих дня' } as const;
const URGENCY_COLORS = { overdue: 'red', today: 'orange', soon: 'yellow.8' } as const;
const KIND_TITLES = { requests: 'запросы', decision: 'решение', result: 'результат', issue: 'выдача' } as const;

function Figures({ d }: { d: Dashboard }) {
  const open = useOpenList();
  const c = d.complaints;
  const openCases = d.byStatus.reduce((n, s) => n + s.count, 0);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={9} spacing={6}>
        <Stat title="Дел в работе" n={openCases} onClick={() => open.cases('Дела в работе', { ...d.byStatus[0]?.filter, status: undefined, open: true })} />
        {d.byDeadline.map((u) => (
          <Stat
            key={u.urgency}
            title={URGENCY_TITLES[u.urgency]}
            n={u.count}
            color={URGENCY_COLORS[u.urgency]}
            onClick={() => open.cases(URGENCY_TITLES[u.urgency], u.filter)}
            note={u.byKind.filter((k) => k.count).map((k) => `${KIND_TITLES[k.kind]}: ${k.count}`).join(', ') || undefined}
          />
        ))}
        <Stat title="Регистрация с нарушением срока" n={d.period.lateRegistrations.count} color="red" onClick={() => open.cases('Зарегистрировано с нарушением срока (п. 35, 43)', d.period.lateRegistrations.filter)} />
        <Stat title="Без ответственного" n={d.unassigned.count} color="orange" onClick={() => open.cases('Дела без ответственного', d.unassigned.filter)} />
        <Stat title="Жалоб на рассмотрении" n={c.open.count} onClick={() => open.complaints(c.open.filter)} />
        <Stat title="Жалобы: срок истёк" n={c.overdue.count} color="red" onClick={() => open.complaints(c.overdue.filter)} />
        <Stat title="Жалобы: срок сегодня или скоро" n={c.dueToday.count + c.soon.count} color="orange" onClick={() => open.complaints(c.dueToday.count ? c.dueToday.filter : c.soon.filter)} note={c.dueToday.count || c.soon.count ? `сегодня ${c.dueToday.count}, скоро ${c.soon.count}` : undefined} />
      </SimpleGrid>
    </Stack>
  );
}

function Tables({ d }: { d: Dashboard }) {
  const open = useOpenList();
  return (
    <SimpleGrid cols={3} spacing="sm">
      <Card withBorder padding="sm">
        <Text fw={600} size="sm">
          Дела в работе по статусам
        </Text>
        <Table verticalSpacing={2} fz="sm">
          <Table.Tbody>
            {d.byStatus.map((s) => (
              <Table.Tr key={s.status}>
                <Table.Td>{CASE_STATUS_LABELS[s.status]}</Table.Td>
                <Table.Td ta="right">
                  <Num n={s.count} label={CASE_STATUS_LABELS[s.status]} onClick={() => open.cases(CASE_STATUS_LABELS[s.status], s.filter)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder padding="sm">
        <Text fw={600} size="sm">
          По специалистам
        </Text>
        <Table verticalSpacing={2} fz="sm" data-testid="per-specialist">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Ответственный</Table.Th>
              <Table.Th ta="right">В работе</Table.Th>
              <Table.Th ta="right">Просрочено</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.perSpecialist.map((p) => (
              <Table.Tr key={p.responsibleId ?? 0}>
                <Table.Td>{p.name ?? 'Не назначен'}</Table.Td>
                <Table.Td ta="right">
                  <Num n={p.open.count} label={`В работе у ${p.name ?? 'никого'}`} onClick={() => open.cases(`В работе: ${p.name ?? 'не назначен'}`, p.open.filter)} />
                </Table.Td>
                <Table.Td ta="right">
                  <Num n={p.overdue.count} color="red" label={`Просрочено у ${p.name ?? 'никого'}`} onClick={() => open.cases(`Просрочено: ${p.name ?? 'не назначен'}`, p.overdue.filter)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder padding="sm">
        <Text fw={600} size="sm">
          Соблюдение сроков по этапам
        </Text>
        <Table verticalSpacing={2} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Этап</Table.Th>
              <Table.Th ta="right">В срок</Table.Th>
              <Table.Th ta="right">Нарушен</Table.Th>
              <Table.Th ta="right">Доля</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.period.compliance.map((s) => (
              <Table.Tr key={s.stage}>
                <Table.Td title={s.title}>
                  {s.title.split(' (')[0]} ({s.paragraph})
                </Table.Td>
                <Table.Td ta="right">{s.on_time}</Table.Td>
                <Table.Td ta="right" c={s.late + s.overdue ? 'red' : undefined}>
                  {s.late + s.overdue}
                </Table.Td>
                <Table.Td ta="right">{Math.round(s.shareOnTime * 100)} %</Table.Td>
              </Table.Tr>
            ))}
            {d.period.compliance.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4} c="dimmed">
                  Нет данных за период
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Card>
    </SimpleGrid>
  );
}

export function DashboardScreen() {
  const [f, setF] = useSessionState<{ from: string; to: string; responsible: string | null }>('dashboard', { ...yearToDate(), responsible: null });
  const users = useDirectory();
  const input = { from: f.from, to: f.to, responsibleId: f.responsible ? Number(f.responsible) : undefined };
  const q = useApi('control.dashboard', input, { enabled: f.from !== '' && f.to !== '' && f.from <= f.to });
  const d = q.data;
  return (
    <Page
      title="Контроль"
      actions={
        <>
          <JobButton title="Статистический отчёт" start={() => api['reports.statistics']({ ...input, format: 'docx' })}>
            Отчёт (DOCX)
          </JobButton>
          <JobButton title="Статистический отчёт" start={() => api['reports.statistics']({ ...input, format: 'xlsx' })}>
            Отчёт (XLSX)
          </JobButton>
        </>
      }
    >
      <Group align="flex-end" gap="sm">
        <RuDateInput label="Период с" value={f.from} onChange={(from) => setF((x) => ({ ...x, from }))} w={130} />
        <RuDateInput label="по" value={f.to} onChange={(to) => setF((x) => ({ ...x, to }))} w={130} />
        <LabeledSelect
          label="Специалист"
          placeholder="Все"
          clearable
          searchable
          nothingFoundMessage="Ничего не найдено"
          data={userOptions(users)}
          value={f.responsible}
          onChange={(responsible) => setF((x) => ({ ...x, responsible }))}
          w={260}
        />
        {d && (
          <Text size="sm" c="dimmed" pb={6}>
            Зарегистрировано за период: {d.period.registered.count.toLocaleString('ru-RU')}
          </Text>
        )}
        {q.isFetching && <Loader size="xs" aria-label="Загрузка" mb={10} />}
      </Group>
      {!d ? (
<Pending error={q.error} onRetry={() => void q.refetch()} />
) : (
        <Stack gap="sm" data-testid="dashboard">
          <Figures d={d} />
          <Charts d={d} />
          <Tables d={d} />
        </Stack>
      )}
    </Page>
  );
}
