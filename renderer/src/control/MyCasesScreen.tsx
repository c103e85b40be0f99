/**
 * «Мои дела» (#/my), the specialist's home: their open cases, drafts returned
 * by the head first, then by the nearest deadline, each with what needs their
 * action (requests due, answers arrived, drafts returned).
 */
import { Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import type { Out } from '../../../core/api/contract';
import { useApi } from '../data/queries';
import { ruDate } from '../format';
import { CaseTable, ListFooter, PAGE_SIZE, useSessionState } from '../ui/cases';
import { Page } from '../ui/Page';
import { Pending } from './parts';

type MyRow = Out<'control.myCases'>['rows'][number];
type ActionKind = MyRow['actions'][number]['kind'];

const ACTION_COLORS: Record<ActionKind, string> = {
  draft_returned: 'orange',
  requests_overdue: 'red',
  requests_due: 'yellow',
  answers_arrived: 'teal',
  requests_to_send: 'blue',
  awaiting_signature: 'grape',
  unsigned_draft: 'violet',
};

function Actions({ r }: { r: MyRow }) {
  if (!r.actions.length) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Stack gap={4}>
      {r.actions.map((a) => (
        <Badge key={a.kind} color={ACTION_COLORS[a.kind]} variant="light" tt="none" size="sm" data-action={a.kind} styles={{ label: { overflow: 'visible', whiteSpace: 'normal' } }} h="auto">
          {a.text}
          {a.date ? ` · ${ruDate(a.date)}` : ''}
        </Badge>
      ))}
    </Stack>
  );
}

export function MyCasesScreen() {
  const [state, setState] = useSessionState('my-cases', { page: 1 });
  const q = useApi('control.myCases', { page: state.page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData });
  const data = q.data;
  return (
    <Page title="Мои дела">
      {!data ? (
<Pending error={q.error} onRetry={() => void q.refetch()} />
) : (
        <>
          <Group justify="space-between" mih={20}>
            <Text size="sm" c="dimmed">
              Дел в работе: {data.total.toLocaleString('ru-RU')}. Сверху — возвращённые на доработку, затем по ближайшему сроку.
            </Text>
            {q.isFetching && <Loader size="xs" aria-label="Загрузка" />}
          </Group>
          <CaseTable
            rows={data.rows}
            columns={['number', 'applicant', 'subservice', 'status', 'due']}
            empty="Дел в работе нет"
            extra={{ title: 'Что сделать', render: (r) => <Actions r={r} /> }}
          />
          <ListFooter total={data.total} page={state.page} onPage={(page) => setState({ page })} />
        </>
      )}
    </Page>
  );
}
