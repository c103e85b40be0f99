/** The cases behind a figure of the control dashboard (#/control/list): its filter, the list and its XLSX export. */
import { useState } from 'react';
import type { z } from 'zod';
import { CaseFilters } from '../../../core/api/reception';
import { CASES_COLUMNS, CaseListResult, PAGE_SIZE, useCaseList } from '../ui/cases';
import { ErrorState } from '../ui/ErrorState';
import { AnchorLink } from '../ui/links';
import { Page } from '../ui/Page';
import { CasesExportButton } from './CasesExportButton';

export type CaseFilter = z.infer<typeof CaseFilters>;

/** The filter of the address, or null when it is not one. */
export function parseFigureFilter(raw: unknown): CaseFilter | null {
  if (typeof raw !== 'string') return null;
  try {
    const r = CaseFilters.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export function FigureListScreen({ filter, title }: { filter: CaseFilter | null; title: string }) {
  const [page, setPage] = useState(1);
  const list = useCaseList({ ...(filter ?? {}), sort: 'due_asc', page, pageSize: PAGE_SIZE });
  if (!filter) return <ErrorState message="Неверная ссылка на список." />;
  return (
    <Page title={title || 'Список дел'} actions={<CasesExportButton input={{ ...filter, layout: 'cases', sort: 'due_asc' }} />}>
      <AnchorLink to="/control" size="sm">
        ← Контроль
      </AnchorLink>
      <CaseListResult list={list} columns={CASES_COLUMNS} page={page} onPage={setPage} />
    </Page>
  );
}
