/**
 * The pieces the case screens share: the status badge, the case table with
 * its footer, filter options, the office directory and reference items, and
 * state kept for the browser tab's session.
 */
import { Badge, Center, Group, Input, Loader, Pagination, Select, Table, Text, type SelectProps } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { memo, useEffect, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import './case-table.css';
import type { In, RefItem, RefKind } from '../../../core/api/contract';
import type { CaseRow } from '../../../core/api/reception';
import { CASE_STATUS_LABELS, CASE_STATUSES, type CaseStatus } from '../../../core/domain/case-states';
import type { SubserviceCode } from '../../../core/domain/checklists';
import { CHANNEL_LABELS, CHANNELS } from '../../../core/domain/deadlines';
import { errorMessage } from '../api';
import { useApi } from '../data/queries';
import { DueBadge } from './DueBadge';
import { ErrorState } from './ErrorState';
import { channelLabel, countText, deadlineLabel, ruDate, ruDateTime, shortPersonName, snilsText, subserviceShort } from '../format';
import { SUBSERVICE_SHORT_LABELS } from '../../../core/domain/labels';
import { useSession } from '../session';

export const PAGE_SIZE = 50;

const STATUS_COLORS: Record<CaseStatus, string> = {
  registered: 'blue',
  requests_sent: 'cyan',
  documents_complete: 'teal',
  decision_drafted: 'violet',
  awaiting_signature: 'grape',
  returned: 'orange',
  signed: 'indigo',
  issued: 'green',
  withdrawn: 'gray',
  annulled: 'red',
};

export function StatusBadge({ status, size = 'md' }: { status: CaseStatus; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant={status === 'annulled' ? 'outline' : 'light'}
      tt="none"
      size={size}
      data-status={status}
      style={{ flexShrink: 0, maxWidth: 'none' }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {CASE_STATUS_LABELS[status]}
    </Badge>
  );
}

// ------------------------------------------------------------------ filter options

/**
 * A Mantine Select whose label names only the input: Mantine also labels its
 * (always mounted) listbox with the input's label, which makes
 * getByLabel('…') ambiguous for tests and screen readers.
 */
export function LabeledSelect({ label, required, error, description, id, ...rest }: Omit<SelectProps, 'label'> & { label: ReactNode }) {
  const uid = useId(id);
  return (
    <Input.Wrapper id={uid} label={label} required={required} error={error} description={description}>
      <Select id={uid} error={error ? true : undefined} required={required} {...rest} />
    </Input.Wrapper>
  );
}

const STATUS_OPTIONS = CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }));
const CHANNEL_OPTIONS = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));
const SUBSERVICE_OPTIONS = (Object.keys(SUBSERVICE_SHORT_LABELS) as SubserviceCode[]).map((s) => ({ value: s, label: subserviceShort(s) }));

export interface DirectoryUser {
  id: number;
  fullName: string;
  position: string;
  active: boolean;
}

const byActiveThenName = (u: DirectoryUser[]) => [...u].sort((a, b) => Number(b.active) - Number(a.active) || a.fullName.localeCompare(b.fullName, 'ru'));
const NO_USERS: DirectoryUser[] = [];

/** The office's users for the «принял» / «специалист» filters. */
export function useDirectory(): DirectoryUser[] {
  return useApi('users.directory', {}, { select: byActiveThenName }).data ?? NO_USERS;
}

export function userOptions(users: DirectoryUser[]) {
  return users.map((u) => ({ value: String(u.id), label: u.active ? u.fullName : `${u.fullName} (не работает)` }));
}

const CASE_FILTERS = {
  status: { label: 'Статус', data: STATUS_OPTIONS },
  subservice: { label: 'Подуслуга', data: SUBSERVICE_OPTIONS },
  channel: { label: 'Способ поступления', data: CHANNEL_OPTIONS },
} as const;
const NOT_ASSIGNED = { value: 'none', label: 'Не назначен' };

/** A filter of the case lists («Все» when empty): a fixed list, or one of the office's users («Принял», «Ответственный»). */
export function CaseFilter({ kind, value, onChange }: { kind: keyof typeof CASE_FILTERS | 'registeredBy' | 'responsible'; value: string | null; onChange(v: string | null): void }) {
  const users = useDirectory();
  if (kind === 'registeredBy' || kind === 'responsible') {
    return (
      <LabeledSelect
        label={kind === 'registeredBy' ? 'Принял' : 'Ответственный'}
        placeholder="Все"
        clearable
        searchable
        nothingFoundMessage="Ничего не найдено"
        data={kind === 'responsible' ? [NOT_ASSIGNED, ...userOptions(users)] : userOptions(users)}
        value={value}
        onChange={onChange}
      />
    );
  }
  return <LabeledSelect label={CASE_FILTERS[kind].label} placeholder="Все" clearable data={CASE_FILTERS[kind].data} value={value} onChange={onChange} />;
}

const NO_ITEMS: RefItem[] = [];

/** Reference items of a kind (null while loading; empty when they could not be read). */
export function useRefItems(kind: RefKind): RefItem[] | null {
  const q = useApi('ref.list', { kind });
  return q.data ?? (q.isError ? NO_ITEMS : null);
}

/**
 * State kept for the browser tab's session, so that coming back from a case
 * keeps the filters and page; kept per user (the next user at the desk starts
 * with their own, never with the previous user's filters).
 */
export function useSessionState<T>(name: string, initial: T): [T, (v: T | ((prev: T) => T)) => void] {
  const key = `${useSession().session.user.id}:${name}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(`socdesk:${key}`);
      return raw ? ({ ...initial, ...JSON.parse(raw) } as T) : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(`socdesk:${key}`, JSON.stringify(value));
    } catch {
      // storage full or disabled: the filters are simply not kept
    }
  }, [key, value]);
  return [value, setValue];
}

// ------------------------------------------------------------------ the case table

export type CaseColumn = 'number' | 'received' | 'registered' | 'applicant' | 'subservice' | 'channel' | 'registeredBy' | 'responsible' | 'status' | 'due';

const COLUMN_TITLES: Record<CaseColumn, string> = {
  number: 'Рег. №',
  received: 'Поступило',
  registered: 'Зарегистрировано',
  applicant: 'Заявитель',
  subservice: 'Подуслуга',
  channel: 'Способ',
  registeredBy: 'Принял',
  responsible: 'Ответственный',
  status: 'Статус',
  due: 'Ближайший срок',
};

function DateTimeCell({ value }: { value: string }) {
  const [date, time] = ruDateTime(value).split(' ');
  return (
    <span className="sd-nowrap sd-date">
      {date} <span className="sd-dim">{time}</span>
    </span>
  );
}

/**
 * Badges by what they show, made once: rows are keyed by their place on the
 * page, so a badge that shows what the row above it showed on the last page
 * is the same element, and React skips it.
 */
const badges = new Map<string, ReactNode>();
function badge(key: string, make: () => ReactNode): ReactNode {
  let b = badges.get(key);
  if (b === undefined) {
    if (badges.size > 2000) badges.clear();
    b = make();
    badges.set(key, b);
  }
  return b;
}

/** A column a screen adds after the common ones (e.g. what needs the specialist's action). */
export interface ExtraColumn<R extends CaseRow> {
  title: string;
  render(r: R): ReactNode;
}

type CaseTableProps<R extends CaseRow> = { rows: R[]; columns: CaseColumn[]; empty?: string; extra?: ExtraColumn<R> };

/**
 * The table of a list screen. Drawn again only for other rows or columns: a
 * page change first re-renders the screen with the rows it has (the loader
 * shows) and then with the new page, and 50 rows of cells are the dearest part.
 */
export const CaseTable = memo(
  CaseTableRows,
  (a: CaseTableProps<CaseRow>, b: CaseTableProps<CaseRow>) => a.rows === b.rows && a.empty === b.empty && a.extra === b.extra && a.columns.join() === b.columns.join(),
) as typeof CaseTableRows;

function CaseTableRows<R extends CaseRow>({ rows, columns, empty = 'Дел не найдено', extra }: CaseTableProps<R>) {
  const router = useRouter();
  const openCase = (id: number) => void router.navigate({ to: '/cases/$id', params: { id } });
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, id: number) => {
    if (e.key === 'Enter' && e.target === e.currentTarget) {
      e.preventDefault();
      openCase(id);
    }
  };
  /** The number opens the case through the router (so the unsaved-changes guard sees it); with Ctrl or the middle button, as the browser does. */
  const onLink = (e: MouseEvent<HTMLAnchorElement>, id: number) => {
    e.stopPropagation();
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    openCase(id);
  };
  // The cells are plain elements with the app's classes (ui/case-table.css): 50 rows of Mantine components cost more than the rest of the screen.
  const cell = (r: CaseRow, c: CaseColumn) => {
    const annulled = r.status === 'annulled';
    switch (c) {
      case 'number':
        return (
          <a className="sd-link" href={router.buildLocation({ to: '/cases/$id', params: { id: r.id } }).href} onClick={(e) => onLink(e, r.id)}>
            {r.journalNumber}
          </a>
        );
      case 'received':
        return <DateTimeCell value={r.receivedAt} />;
      case 'registered':
        return <DateTimeCell value={r.registeredAt} />;
      case 'applicant':
        return (
          <>
            <div className="sd-strong">{r.applicantName}</div>
            <div className="sd-dim sd-xs">
              {ruDate(r.applicantBirthDate)}
              {r.snils && <span className="sd-nowrap"> · СНИЛС {snilsText(r.snils)}</span>}
            </div>
          </>
        );
      case 'subservice':
        return <span className="sd-nowrap">{subserviceShort(r.subservice)}</span>;
      case 'channel':
        return channelLabel(r.channel);
      case 'registeredBy':
        return (
          <span className="sd-nowrap" title={r.registeredByName}>
            {shortPersonName(r.registeredByName)}
          </span>
        );
      case 'responsible':
        return r.responsibleName ? (
          <span className="sd-nowrap" title={r.responsibleName}>
            {shortPersonName(r.responsibleName)}
          </span>
        ) : (
          <span className="sd-dim">не назначен</span>
        );
      case 'status':
        return (
          <>
            {badge(`s:${r.status}`, () => <StatusBadge status={r.status} size="sm" />)}
            {annulled && r.annulReason && <div className="sd-dim sd-xs sd-mt2">Причина: {r.annulReason}</div>}
          </>
        );
      case 'due':
        return badge(`d:${r.nextDue}:${r.urgency}:${r.nextDueKind}`, () => <DueBadge date={r.nextDue} urgency={r.urgency} label={deadlineLabel(r.nextDueKind)} size="sm" />);
    }
  };
  const td = Table.classes.td;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c}>{COLUMN_TITLES[c]}</Table.Th>
            ))}
            {extra && <Table.Th>{extra.title}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            // Keyed by place: the next page updates these rows instead of building new ones.
            <tr
              key={i}
              className={`${Table.classes.tr} sd-case-row`}
              data-with-row-border
              data-striped="odd"
              data-hover
              data-annulled={r.status === 'annulled' || undefined}
              tabIndex={0}
              data-testid={`case-row-${r.id}`}
              data-status={r.status}
              aria-label={`Дело № ${r.journalNumber}, ${r.applicantName}`}
              onClick={() => openCase(r.id)}
              onKeyDown={(e) => onKey(e, r.id)}
            >
              {columns.map((c) => (
                <td key={c} className={td}>
                  {cell(r, c)}
                </td>
              ))}
              {extra && <td className={td}>{extra.render(r)}</td>}
            </tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length + (extra ? 1 : 0)}>
                <Text c="dimmed" ta="center" py="md">
                  {empty}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Rows, total and loading state of one cases.list query; the previous page stays on screen while the next loads. */
export function useCaseList(query: In<'cases.list'>) {
  const q = useApi('cases.list', query, { placeholderData: keepPreviousData });
  return {
    data: q.data ?? null,
    loading: q.isFetching,
    // A failed re-read keeps the rows already shown (the connection banner says why).
    error: q.error && !q.data ? errorMessage(q.error) : null,
    retry: () => void q.refetch(),
  };
}

export function ListFooter({ total, page, onPage }: { total: number; page: number; onPage: (p: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        Страница {page} из {pages}
      </Text>
      <Pagination total={pages} value={page} onChange={onPage} />
    </Group>
  );
}

export const CASES_COLUMNS: CaseColumn[] = ['number', 'registered', 'applicant', 'subservice', 'status', 'due', 'responsible'];

/** One page of a case list as the screens show it: «Найдено дел», the table, the pages; or why not. */
export function CaseListResult({ list, columns, page, onPage }: { list: ReturnType<typeof useCaseList>; columns: CaseColumn[]; page: number; onPage(p: number): void }) {
  const { data, loading, error, retry } = list;
  if (error) return <ErrorState message={error} onRetry={retry} />;
  if (!data) {
    return (
      <Center p="xl">
        <Loader aria-label="Загрузка" />
      </Center>
    );
  }
  return (
    <>
      <Group justify="space-between" mih={20}>
        <Text size="sm" c="dimmed">
          Найдено дел: {countText(data)}
        </Text>
        {loading && <Loader size="xs" aria-label="Загрузка" />}
      </Group>
      <CaseTable rows={data.rows} columns={columns} />
      <ListFooter total={data.total} page={page} onPage={onPage} />
    </>
  );
}
