/**
 * «Поступившие с портала»: online applications waiting to be registered
 * (within 1 working day, p.35). Shown above the journal only when non-empty;
 * «Зарегистрировать» opens the intake form pre-filled from the application.
 */
import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Out } from '../../../core/api/contract';
import { formatRuDateTime } from '../../../core/domain/dates';
import { CHANNEL_LABELS, type Channel } from '../../../core/domain/deadlines';
import { api } from '../api';
import { navigate } from '../router';
import { DueBadge } from '../ui/DueBadge';

type Row = Out<'portal.applications'>[number];

export function PortalQueue() {
  const [rows, setRows] = useState<Row[]>([]);

  useEffect(() => {
    let stale = false;
    const load = () =>
      api['portal.applications']({ includeRegistered: false }).then(
        (r) => !stale && setRows(r),
        () => undefined,
      );
    void load();
    const t = window.setInterval(() => void load(), 60_000);
    return () => {
      stale = true;
      window.clearInterval(t);
    };
  }, []);

  if (rows.length === 0) return null;

  return (
    <Card withBorder data-testid="portal-queue" mb="md" bg="var(--mantine-color-blue-light)">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Поступившие с портала: {rows.length}</Title>
          <Text size="sm" c="dimmed">
            Зарегистрируйте не позднее 1 рабочего дня со дня поступления (п. 35)
          </Text>
        </Group>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" bg="var(--mantine-color-body)">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>№ на портале</Table.Th>
                <Table.Th>Заявитель</Table.Th>
                <Table.Th>Канал</Table.Th>
                <Table.Th>Поступило</Table.Th>
                <Table.Th>Срок регистрации</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} data-testid={`portal-app-${r.id}`}>
                  <Table.Td>{r.portalId}</Table.Td>
                  <Table.Td>{r.applicantName}</Table.Td>
                  <Table.Td>{CHANNEL_LABELS[r.channel as Channel] ?? r.channel}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatRuDateTime(r.receivedAt)}</Table.Td>
                  <Table.Td>
                    <DueBadge date={r.dueRegistration} urgency={r.urgency} />
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" onClick={() => navigate(`/intake?portal=${r.id}`)}>
                      Зарегистрировать
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
