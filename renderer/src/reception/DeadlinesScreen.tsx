/**
 * Deadlines (#/deadlines): open cases by the urgency of their nearest
 * deadline — overdue, due today, due within 2 working days — and the list of
 * one group, nearest first.
 */
import { Card, Center, Group, Loader, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { formatRuDate } from '../../../core/domain/dates';
import { errorMessage } from '../api';
import { useApi } from '../data/queries';
import { ErrorState } from '../ui/ErrorState';
import { Page } from '../ui/Page';
import { countText } from '../format';
import { CaseTable, ListFooter, PAGE_SIZE, useCaseList, useSessionState } from '../ui/cases';

type Group3 = 'overdue' | 'today' | 'soon';

interface Summary {
  today: string;
  overdue: number;
  dueToday: number;
  soon: number;
}

const CARDS: { key: Group3; title: string; color: string; count: (s: Summary) => number }[] = [
  { key: 'overdue', title: 'Просрочено', color: 'red', count: (s) => s.overdue },
  { key: 'today', title: 'Срок сегодня', color: 'orange', count: (s) => s.dueToday },
  { key: 'soon', title: 'В ближайшие 2 рабочих дня', color: 'yellow.8', count: (s) => s.soon },
];

export function DeadlinesScreen() {
  const summaryQuery = useApi('deadlines.summary', {});
  const summary: Summary | null = summaryQuery.data ?? null;
  const error = summaryQuery.error && !summary ? errorMessage(summaryQuery.error) : null;
  const loadSummary = () => void summaryQuery.refetch();
  const [state, setState] = useSessionState<{ group: Group3 | null; page: number }>('deadlines', { group: null, page: 1 });

  // Until the user picks a group: the most urgent one that has cases.
  const group: Group3 = state.group ?? (summary ? (CARDS.find((c) => c.count(summary) > 0)?.key ?? 'overdue') : 'overdue');
  const { data, loading, error: listError, retry } = useCaseList({ urgency: group, sort: 'due_asc', page: state.page, pageSize: PAGE_SIZE });

  if (error) return <ErrorState message={error} onRetry={loadSummary} />;

  return (
    <Page title="Сроки">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {CARDS.map((c) => {
          const active = c.key === group;
          return (
            <UnstyledButton
              key={c.key}
              onClick={() => setState({ group: c.key, page: 1 })}
              aria-pressed={active}
              data-testid={`deadline-card-${c.key}`}
            >
              <Card withBorder padding="md" style={{ borderWidth: active ? 2 : 1, borderColor: active ? `var(--mantine-color-${c.color.split('.')[0]}-6)` : undefined }}>
                <Text size="sm" c="dimmed">
                  {c.title}
                </Text>
                <Text fz={32} fw={700} c={summary && c.count(summary) > 0 ? c.color : 'dimmed'}>
                  {summary ? c.count(summary) : '…'}
                </Text>
              </Card>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
      {summary && (
        <Text size="xs" c="dimmed">
          По открытым делам на {formatRuDate(summary.today)}; срок — ближайший невыполненный этап (запросы, решение, результат).
        </Text>
      )}
      {listError ? (
        <ErrorState message={listError} onRetry={retry} />
      ) : !data ? (
        <Center p="xl">
          <Loader aria-label="Загрузка" />
        </Center>
      ) : (
        <>
          <Group justify="space-between" mih={20}>
            <Text size="sm" fw={500}>
              {CARDS.find((c) => c.key === group)!.title}: {countText(data)}
            </Text>
            {loading && <Loader size="xs" aria-label="Загрузка" />}
          </Group>
          <CaseTable
            rows={data.rows}
            columns={['due', 'number', 'applicant', 'subservice', 'status', 'registered', 'registeredBy']}
            empty="Таких дел нет"
          />
          <ListFooter total={data.total} page={state.page} onPage={(page) => setState({ group, page })} />
        </>
      )}
    </Page>
  );
}
