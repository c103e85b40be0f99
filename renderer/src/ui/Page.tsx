/** The common frame of a screen: its title with the screen's actions on the right, then the content. */
import { Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function Page({ title, actions, children }: { title: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <Stack>
      <Group justify="space-between" align="center" gap="sm">
        <Title order={2}>{title}</Title>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}
