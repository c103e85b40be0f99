/**
 * The user's notifications: a bell with the unread count in the header, the
 * list (a case assigned to me, a draft returned, a draft to sign, what is due
 * today), and — where the operating system allows — a system notification
 * when a new one arrives. The counts come with the change feed (invalidate.ts).
 */
import { ActionIcon, Badge, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import type { Out } from '../../../core/api/contract';
import { useApi, useApiMutation } from '../data/queries';
import { ruDateTime } from '../format';

type Note = Out<'notifications.list'>[number];

/** Badge counts of the signed-in user (re-read on changes, and every minute for the date moving on). */
export function useCounts() {
  return useApi('notifications.counts', {}, { refetchInterval: 60_000 }).data;
}

const osNotifications = typeof window !== 'undefined' && 'Notification' in window;

export function NotificationsMenu() {
  const [opened, setOpened] = useState(false);
  const counts = useCounts();
  const list = useApi('notifications.list', { limit: 30, unreadOnly: false });
  const markRead = useApiMutation('notifications.markRead');
  const navigate = useNavigate();
  const unread = counts?.unread ?? 0;

  // A system notification for each unread one that arrived after the list was first read.
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const rows = list.data;
    if (!rows) return;
    if (seen.current === null) {
      seen.current = new Set(rows.map((n) => n.key));
      return;
    }
    for (const n of rows) {
      if (seen.current.has(n.key)) continue;
      seen.current.add(n.key);
      if (!n.read && osNotifications && Notification.permission === 'granted') new Notification('Socdesk', { body: n.text, tag: n.key });
    }
  }, [list.data]);

  const open = (n: Note) => {
    if (n.id !== null && !n.read) markRead.mutate({ ids: [n.id] });
    setOpened(false);
    if (n.caseId) void navigate({ to: '/cases/$id', params: { id: n.caseId } });
    else if (n.complaintId) void navigate({ to: '/complaints/$id', params: { id: n.complaintId } });
  };
  const toggle = () => {
    setOpened((o) => !o);
    // Asked once, on the user's own click (browsers refuse a request without one).
    if (osNotifications && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} withinPortal shadow="md">
      <Popover.Target>
        <Indicator label={unread} size={16} disabled={unread === 0} color="red" offset={4}>
          <ActionIcon variant="subtle" size="lg" onClick={toggle} aria-label={unread ? `Уведомления: непрочитанных ${unread}` : 'Уведомления'} data-testid="notifications">
            <svg aria-hidden width={20} height={20} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
              <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
              <path d="M13.73 21a2 2 0 0 1-3.46 0" />
            </svg>
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown>
        <Group justify="space-between" mb="xs">
          <Text fw={600}>Уведомления</Text>
          {unread > 0 && (
            <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate({ all: true })}>
              Отметить все прочитанными
            </Button>
          )}
        </Group>
        <ScrollArea.Autosize mah={400}>
          <Stack gap={4}>
            {(list.data ?? []).map((n) => (
              <UnstyledButton key={n.key} onClick={() => open(n)} p={6} style={{ borderRadius: 4, background: n.read ? undefined : 'var(--mantine-color-blue-light)' }}>
                <Text size="sm">{n.text}</Text>
                <Text size="xs" c="dimmed">
                  {ruDateTime(n.at)}
                  {n.kind === 'due_today' && (
                    <Badge ml={6} size="xs" color="orange" variant="light" tt="none">
                      срок сегодня
                    </Badge>
                  )}
                </Text>
              </UnstyledButton>
            ))}
            {list.data?.length === 0 && (
              <Text size="sm" c="dimmed">
                Уведомлений нет
              </Text>
            )}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
