/** The production calendar: years on file, one year's exceptions, and adding or replacing a year from its decree. */
import { ActionIcon, Anchor, Button, Center, Group, Loader, Modal, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Out } from '../../../core/api/contract';
import { formatRuDate, isoFromParts, weekday } from '../../../core/domain/dates';
import { errorMessage } from '../api';
import { apiQuery, useApi, useApiMutation } from '../data/queries';
import { ErrorState } from '../ui/ErrorState';
import { notifyError, notifyOk, submitToApi } from '../ui/forms';
import { Page } from '../ui/Page';
import { RuDateInput } from '../ui/RuDateInput';
import { useUnsavedChanges } from '../ui/unsaved';
import { hostToday } from '../clock';

type YearInfo = Out<'calendar.years'>[number];
type YearDetails = Out<'calendar.year'>;
type Day = YearDetails['days'][number];
type DayKind = Day['kind'];

const KIND_LABELS: Record<DayKind, string> = {
  holiday: 'Праздничный день',
  dayoff: 'Перенесённый выходной',
  workday: 'Рабочий день (перенос)',
};
const KIND_OPTIONS = (Object.keys(KIND_LABELS) as DayKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }));

const WEEKDAYS = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'];
const weekdayName = (iso: string) => WEEKDAYS[weekday(iso) - 1];

/** Non-working public holidays fixed by art. 112 of the Labour Code: [month, day, note]. */
const FIXED_HOLIDAYS: [number, number, string][] = [
  [1, 1, 'Новогодние каникулы'],
  [1, 2, 'Новогодние каникулы'],
  [1, 3, 'Новогодние каникулы'],
  [1, 4, 'Новогодние каникулы'],
  [1, 5, 'Новогодние каникулы'],
  [1, 6, 'Новогодние каникулы'],
  [1, 7, 'Рождество Христово'],
  [1, 8, 'Новогодние каникулы'],
  [2, 23, 'День защитника Отечества'],
  [3, 8, 'Международный женский день'],
  [5, 1, 'Праздник Весны и Труда'],
  [5, 9, 'День Победы'],
  [6, 12, 'День России'],
  [11, 4, 'День народного единства'],
];

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** A row of the form; `key` keeps each row's input when rows above it are removed. */
interface DayRow {
  key: string;
  date: string; // ISO or '' while not a complete valid date
  kind: DayKind;
  note: string;
}

const toRow = (d: Day): DayRow => ({ key: randomId(), date: d.date, kind: d.kind, note: d.note ?? '' });
const fixedHolidayRows = (year: number): DayRow[] =>
  FIXED_HOLIDAYS.map(([m, d, note]) => toRow({ date: isoFromParts(year, m, d), kind: 'holiday', note }));

type YearFormValues = {
  year: number | string;
  /** The revision of the year as loaded into the form (0: a year not in the calendar yet). */
  rev: number;
  source: string;
  days: DayRow[];
};

export function CalendarScreen() {
  const yearsQuery = useApi('calendar.years', {});
  const years: YearInfo[] | null = yearsQuery.data ?? null;
  const [picked, setPicked] = useState<number | null>(null);
  const current = Number(hostToday().slice(0, 4));
  // Until a year is picked: this year, or the last one in the calendar.
  const selected = picked ?? (years ? (years.some((y) => y.year === current) ? current : (years.at(-1)?.year ?? null)) : null);
  const detailsQuery = useApi('calendar.year', { year: selected ?? current }, { enabled: selected !== null });
  const details: YearDetails | null = detailsQuery.data ?? null;
  const [editing, setEditing] = useState<YearFormValues | null>(null);

  const addYear = () => {
    const next = years?.length ? years[years.length - 1].year + 1 : current;
    setEditing({ year: next, rev: 0, source: '', days: fixedHolidayRows(next) });
  };

  const onSaved = (y: YearInfo) => {
    setEditing(null);
    notifyOk(`Производственный календарь на ${y.year} год сохранён`);
    setPicked(y.year);
  };

  if (yearsQuery.error && !years) return <ErrorState message={errorMessage(yearsQuery.error)} onRetry={() => void yearsQuery.refetch()} />;

  return (
    <Page title="Производственный календарь" actions={<Button onClick={addYear}>Добавить или изменить год</Button>}>
      <Text size="sm" c="dimmed">
        Пятидневная рабочая неделя. В календаре указываются только исключения: праздничные дни, перенесённые выходные и рабочие
        субботы и воскресенья; остальные дни с понедельника по пятницу рабочие.
      </Text>
      {!years ? (
        <Center p="xl">
          <Loader aria-label="Загрузка" />
        </Center>
      ) : (
        <Table highlightOnHover withTableBorder verticalSpacing="xs" maw={960}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Год</Table.Th>
              <Table.Th>Рабочих дней</Table.Th>
              <Table.Th>Основание</Table.Th>
              <Table.Th w={150}>Состояние</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {years.map((y) => (
              <Table.Tr
                key={y.year}
                onClick={() => setPicked(y.year)}
                bg={y.year === selected ? 'var(--mantine-primary-color-light)' : undefined}
                style={{ cursor: 'pointer' }}
              >
                <Table.Td>
                  <Anchor component="button" type="button" fw={y.year === selected ? 700 : undefined}>
                    {y.year}
                  </Anchor>
                </Table.Td>
                <Table.Td>{y.workingDays}</Table.Td>
                <Table.Td>{y.source}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={y.confirmed ? undefined : 'orange.8'}>
                    {y.confirmed ? 'подтверждён' : 'не подтверждён'}
                  </Text>
                  {y.locallyModified && (
                    <Text size="xs" c="blue.7">
                      изменён локально
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {selected !== null && (
        <YearDays
          year={selected}
          details={details?.year.year === selected ? details : null}
          onEdit={(d) => setEditing({ year: d.year.year, rev: d.year.rev, source: d.year.source, days: d.days.map(toRow) })}
        />
      )}

      {editing && <YearFormModal initial={editing} knownYears={years?.map((y) => y.year) ?? []} onClose={() => setEditing(null)} onSaved={onSaved} />}
    </Page>
  );
}

function YearDays({ year, details, onEdit }: { year: number; details: YearDetails | null; onEdit: (d: YearDetails) => void }) {
  return (
    <Stack gap="xs" maw={960}>
      <Group justify="space-between">
        <Title order={3}>Исключения {year} года</Title>
        {details && (
          <Button variant="light" onClick={() => onEdit(details)}>
            Изменить {year} год
          </Button>
        )}
      </Group>
      {!details ? (
        <Center p="md">
          <Loader size="sm" aria-label="Загрузка" />
        </Center>
      ) : (
        <>
          <Text size="sm">
            Рабочих дней в году: {details.year.workingDays}. Основание: {details.year.source}.
          </Text>
          <Table striped withTableBorder verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Дата</Table.Th>
                <Table.Th>День недели</Table.Th>
                <Table.Th>Вид</Table.Th>
                <Table.Th>Примечание</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {details.days.map((d) => (
                <Table.Tr key={d.date}>
                  <Table.Td>{formatRuDate(d.date)}</Table.Td>
                  <Table.Td>{weekdayName(d.date)}</Table.Td>
                  <Table.Td>{KIND_LABELS[d.kind]}</Table.Td>
                  <Table.Td>{d.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}

function YearFormModal({
  initial,
  knownYears,
  onClose,
  onSaved,
}: {
  initial: YearFormValues;
  knownYears: number[];
  onClose: () => void;
  onSaved: (y: YearInfo) => void;
}) {
  const qc = useQueryClient();
  const save = useApiMutation('calendar.saveYear');
  const form = useForm<YearFormValues>({
    initialValues: initial,
    validate: {
      year: (v) => (typeof v === 'number' ? null : 'Укажите год'),
      days: { date: (v) => (v ? null : 'Укажите дату в формате ДД.ММ.ГГГГ') },
    },
  });
  useUnsavedChanges(form.isDirty());
  const [filling, setFilling] = useState(false);
  // The year the rows were filled for; retyping it keeps the edits.
  const filledFor = useRef(initial.year);

  /** A year on file brings its days and decree; a new year starts from the fixed holidays. */
  const changeYear = async (value: number | string) => {
    form.setFieldValue('year', value);
    if (typeof value !== 'number' || value < MIN_YEAR || value > MAX_YEAR || value === filledFor.current) return;
    filledFor.current = value;
    if (!knownYears.includes(value)) {
      form.setValues({ rev: 0, days: fixedHolidayRows(value) });
      return;
    }
    setFilling(true);
    try {
      const d = await qc.fetchQuery({ ...apiQuery('calendar.year', { year: value }), staleTime: 0 });
      if (filledFor.current === value) form.setValues({ rev: d.year.rev, source: d.year.source, days: d.days.map(toRow) });
    } catch (e) {
      notifyError(e);
    } finally {
      setFilling(false);
    }
  };

  const submit = form.onSubmit(async (values) => {
    const input = {
      year: Number(values.year),
      rev: values.rev,
      source: values.source,
      days: values.days.map(({ date, kind, note }) => ({ date, kind, note })),
    };
    const saved = await submitToApi(form, () => save.mutateAsync(input), { reload: onClose });
    if (saved) onSaved(saved);
  });

  const addRow = () => form.insertListItem('days', { key: randomId(), date: '', kind: 'holiday', note: '' });

  return (
    <Modal opened onClose={onClose} title="Добавить или изменить год" size={1000}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            Для года, который уже есть в календаре, список дней заменяется целиком. Новый год заполняется праздничными днями ст. 112
            ТК РФ; добавьте переносы выходных по постановлению Правительства РФ.
          </Text>
          <Group align="flex-start" grow>
            <NumberInput
              label="Год"
              required
              min={MIN_YEAR}
              max={MAX_YEAR}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              data-autofocus
              {...form.getInputProps('year')}
              onChange={changeYear}
            />
            <TextInput
              label="Основание"
              placeholder="Постановление Правительства РФ от ... № ..."
              required
              {...form.getInputProps('source')}
            />
          </Group>
          {filling && <Loader size="sm" aria-label="Загрузка" />}
          <Table verticalSpacing={4} withRowBorders={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>Дата</Table.Th>
                <Table.Th w={110}>День недели</Table.Th>
                <Table.Th w={230}>Вид</Table.Th>
                <Table.Th>Примечание</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.days.map((row, i) => (
                <Table.Tr key={row.key}>
                  <Table.Td>
                    <RuDateInput aria-label={`Дата, строка ${i + 1}`} {...form.getInputProps(`days.${i}.date`)} value={row.date} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.date && weekdayName(row.date)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Вид дня, строка ${i + 1}`}
                      data={KIND_OPTIONS}
                      allowDeselect={false}
                      {...form.getInputProps(`days.${i}.kind`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={`Примечание, строка ${i + 1}`} {...form.getInputProps(`days.${i}.note`)} />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Удалить строку ${i + 1}`}
                      title="Удалить строку"
                      onClick={() => form.removeListItem('days', i)}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Button variant="light" onClick={addRow}>
              Добавить день
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                Отмена
              </Button>
              <Button type="submit" loading={form.submitting}>
                Сохранить
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
