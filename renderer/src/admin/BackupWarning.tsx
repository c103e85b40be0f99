/** Shown to an administrator on every sign-in (and until resolved) when no verified backup is newer than 2 days. */
import { Anchor, Paper, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatRuDateTime } from '../../../core/domain/dates';
import { useApi } from '../data/queries';

export function BackupWarning() {
  const status = useApi('backups.status', {}, { staleTime: 60_000 });
  const s = status.data;
  if (!s || !s.stale) return null;
  return (
    <Paper role="status" withBorder p="sm" mb="md" bg="red.0" style={{ borderColor: 'var(--mantine-color-red-5)' }} data-testid="backup-warning">
      <Text fw={600} c="red.8">
        Нет свежей резервной копии.{' '}
        <Text span fw={400} c="dark">
          {s.lastVerified ? `Последняя проверенная копия создана ${formatRuDateTime(s.lastVerified.createdAt)} — больше 2 дней назад.` : 'Ни одной проверенной резервной копии нет.'}{' '}
          <Anchor component={Link} to="/admin/backups">
            Перейти к копиям
          </Anchor>
        </Text>
      </Text>
    </Paper>
  );
}
