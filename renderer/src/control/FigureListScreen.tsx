/** The cases behind a figure of the control dashboard (#/control/list): its filter, the list and its XLSX export. */
import { Center, Group, Loader, Text } from '@mantine/core';
import { useState } from 'react';
import type { z } from 'zod';
import { CaseFilters } from '../../../core/api/reception';
import { countText } from '../format';
import { CaseTable, ListFooter, PAGE_SIZE, useCaseList } from '../ui/cases';
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
  const { data, loading, error, retry } = useCaseList({ ...(filter ?? {}), sort: 'due_asc', page, pageSize: PAGE_SIZE });
  if (!filter) return <ErrorState message="Неверная ссылка на список." />;
  return (
    <Page title={title || 'Список дел'} actions={<CasesExportButton input={{ ...filter, layout: 'cases', sort: 'due_asc' }} />}>
      <AnchorLink to="/control" size="sm">
        ← Контроль
      </AnchorLink>
      {error ? (
        <ErrorState message={error} onRetry={retry} />
      ) : !data ? (
        <Center p="xl">
          <Loader aria-label="Загрузка" />
        </Center>
      ) : (
        <>
          <Group justify="space-between" mih={20}>
            <Text size="sm" c="dimmed">
              Найдено дел: {countText(data)}
            </Text>
            {loading && <Loader size="xs" aria-label="Загрузка" />}
          </Group>
          <CaseTable rows={data.rows} columns={['number', 'registered', 'applicant', 'subservice', 'status', 'due', 'responsible']} />
          <ListFooter total={data.total} page={page} onPage={setPage} />
        </>
      )}
    </Page>
  );
}
