/** The complaints' deadlines on «Сроки»: how many are overdue, due today, due within 2 working days, each opening its list. */
import { Card, Group, Text } from '@mantine/core';
import { useApi } from '../data/queries';
import { useSession } from '../session';
import { AnchorLink } from '../ui/links';

const GROUPS = [
  { urgency: 'overdue', title: 'просрочено', color: 'red' },
  { urgency: 'today', title: 'срок сегодня', color: 'orange' },
  { urgency: 'soon', title: 'в ближайшие 2 рабочих дня', color: 'yellow.8' },
] as const;

function Count({ urgency, title, color }: (typeof GROUPS)[number]) {
  const n = useApi('complaints.list', { urgency, open: true, sort: 'due_asc', page: 1, pageSize: 1 }).data?.total;
  return (
    <AnchorLink to="/complaints" search={{ f: JSON.stringify({ urgency, open: true }) }} size="sm" data-testid={`complaints-${urgency}`}>
      {title}:{' '}
      <Text span fw={700} c={n ? color : 'dimmed'} inherit>
        {n ?? '…'}
      </Text>
    </AnchorLink>
  );
}

export function ComplaintDeadlines() {
  const { hasRole } = useSession();
  if (!hasRole('reception', 'specialist', 'head')) return null;
  return (
    <Card withBorder padding="sm">
      <Group gap="lg">
        <Text size="sm" fw={600}>
          Жалобы (п. 61, 64, 69, 71):
        </Text>
        {GROUPS.map((g) => (
          <Count key={g.urgency} {...g} />
        ))}
      </Group>
    </Card>
  );
}
