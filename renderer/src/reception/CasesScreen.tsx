/**
 * The case register (#/cases): every case with the nearest deadline, filtered
 * and sorted. The pieces other screens share are in ui/cases.tsx and format.ts.
 */
import { Button, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { CaseStatus } from '../../../core/domain/case-states';
import type { SubserviceCode } from '../../../core/domain/checklists';
import type { Channel } from '../../../core/domain/deadlines';
import {
  CaseListResult,
  CASES_COLUMNS,
  CaseFilter,
  LabeledSelect,
  PAGE_SIZE,
  useCaseList,
  useSessionState,
} from '../ui/cases';
import { ButtonLink } from '../ui/links';
import { Page } from '../ui/Page';
import { Part } from '../ui/Part';
import { CasesExportButton } from '../control/CasesExportButton';

// ------------------------------------------------------------------ the screen

const URGENCY_OPTIONS = [
  { value: 'overdue', label: 'Просрочено' },
  { value: 'today', label: 'Срок сегодня' },
  { value: 'soon', label: 'В ближайшие 2 рабочих дня' },
];

const SORT_OPTIONS = [
  { value: 'number_desc', label: 'По номеру (новые сверху)' },
  { value: 'number_asc', label: 'По номеру (старые сверху)' },
  { value: 'due_asc', label: 'По сроку' },
];

interface CasesFilters {
  q: string;
  status: string | null;
  subservice: string | null;
  channel: string | null;
  registeredBy: string | null;
  responsible: string | null;
  urgency: string | null;
  sort: string;
  page: number;
}

const NO_FILTERS: CasesFilters = {
  q: '',
  status: null,
  subservice: null,
  channel: null,
  registeredBy: null,
  responsible: null,
  urgency: null,
  sort: 'number_desc',
  page: 1,
};

export function CasesScreen() {
  const [f, setF] = useSessionState<CasesFilters>('cases-filters', NO_FILTERS);
  const [q] = useDebouncedValue(f.q.trim(), 300);
  const query = {
    q: q || undefined,
    status: (f.status ?? undefined) as CaseStatus | undefined,
    subservice: (f.subservice ?? undefined) as SubserviceCode | undefined,
    channel: (f.channel ?? undefined) as Channel | undefined,
    registeredBy: f.registeredBy ? Number(f.registeredBy) : undefined,
    ...(f.responsible === 'none' ? { unassigned: true } : f.responsible ? { responsibleId: Number(f.responsible) } : {}),
    urgency: (f.urgency ?? undefined) as 'overdue' | 'today' | 'soon' | undefined,
    sort: f.sort as 'number_desc',
  };
  const list = useCaseList({ ...query, page: f.page, pageSize: PAGE_SIZE });

  const filter = (patch: Partial<CasesFilters>) => setF((x) => ({ ...x, ...patch, page: 1 }));
  const filtered = JSON.stringify({ ...f, page: 1, sort: 'number_desc' }) !== JSON.stringify(NO_FILTERS);

  return (
    <Page
      title="Дела"
      actions={
        <>
          {filtered && (
            <Button variant="default" onClick={() => setF(NO_FILTERS)}>
              Сбросить фильтры
            </Button>
          )}
          <CasesExportButton input={{ ...query, layout: 'cases' }} />
          <ButtonLink to="/intake">Новое заявление</ButtonLink>
        </>
      }
    >
      {/* Not drawn again when only the page changes. */}
      <Part deps={[{ ...f, page: 1 }]}>
        {() => (
          <SimpleGrid cols={{ base: 1, sm: 3, lg: 4 }} spacing="sm" verticalSpacing="xs">
            <TextInput label="Поиск" placeholder="ФИО, СНИЛС или № дела" value={f.q} onChange={(e) => filter({ q: e.currentTarget.value })} />
            <CaseFilter kind="status" value={f.status} onChange={(status) => filter({ status })} />
            <CaseFilter kind="subservice" value={f.subservice} onChange={(subservice) => filter({ subservice })} />
            <CaseFilter kind="channel" value={f.channel} onChange={(channel) => filter({ channel })} />
            <CaseFilter kind="registeredBy" value={f.registeredBy} onChange={(registeredBy) => filter({ registeredBy })} />
            <CaseFilter kind="responsible" value={f.responsible} onChange={(responsible) => filter({ responsible })} />
            <LabeledSelect label="Срок" placeholder="Любой" clearable data={URGENCY_OPTIONS} value={f.urgency} onChange={(urgency) => filter({ urgency })} />
            <LabeledSelect
              label="Сортировка"
              allowDeselect={false}
              data={SORT_OPTIONS}
              value={f.sort}
              onChange={(sort) => sort && setF((x) => ({ ...x, sort, page: 1 }))}
            />
          </SimpleGrid>
        )}
      </Part>
      <CaseListResult list={list} columns={CASES_COLUMNS} page={f.page} onPage={(page) => setF((x) => ({ ...x, page }))} />
    </Page>
  );
}
