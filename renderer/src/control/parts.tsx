/** Small pieces the control screens share: a query not answered yet (or failed), and the row of an empty table. */
import { Center, Loader, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api';
import { ErrorState } from '../ui/ErrorState';

/** Why there is nothing to show yet: the error with «Повторить», or the loader. */
export function Pending({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error) return <ErrorState message={errorMessage(error)} onRetry={onRetry} />;
  return (
    <Center p="xl">
      <Loader aria-label="Загрузка" />
    </Center>
  );
}

export function EmptyRow({ cols, children }: { cols: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={cols}>
        <Text c="dimmed" ta="center" py="md">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
