/** Shown to an administrator on every sign-in (and until resolved) when no verified backup is newer than 2 days. */
import { Alert, Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatRuDateTime } from '../../../core/domain/dates';
import { useApi } from '../data/queries';

export function BackupWarning() {
  const status = useApi('backups.status', {}, { staleTime: 60_000 });
  const s = status.data;
  if (!s || !s.stale) return null;
  return (
    <Alert color="red" mb="md" title="Нет свежей резервной копии" data-testid="backup-warning">
      {s.lastVerified ? `Последняя проверенная копия создана ${formatRuDateTime(s.lastVerified.createdAt)} — больше 2 дней назад.` : 'Ни одной проверенной резервной копии нет.'}{' '}
      <Anchor component={Link} to="/admin/backups">
        Открыть «Резервные копии»
      </Anchor>
    </Alert>
  );
}
