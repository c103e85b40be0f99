/**
 * The registration journal (#/journal, the default section): applications in
 * the order of their registration numbers for a period, annulled entries
 * kept with their reason; printing the journal; starting a new application.
 */
import { Button, Center, Group, Kbd, Loader, SimpleGrid, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { CaseStatus } from '../../../core/domain/case-states';
import type { SubserviceCode } from '../../../core/domain/checklists';
import { isoFromParts } from '../../../core/domain/dates';
import type { Channel } from '../../../core/domain/deadlines';
import { useApiMutation } from '../data/queries';
import { useSession } from '../session';
import { CasesExportButton } from '../control/CasesExportButton';
import { downloadFile } from '../ui/download';
import { ErrorState } from '../ui/ErrorState';
import { notifyError } from '../ui/forms';
import { Page } from '../ui/Page';
import { Part } from '../ui/Part';
import { RuDateInput } from '../ui/RuDateInput';
import { countText } from '../format';
import { CaseFilter, CaseTable, ListFooter, PAGE_SIZE, useCaseList, useSessionState } from '../ui/cases';
import { hostToday } from '../clock';

function currentMonth(): { from: string; to: string } {
  const today = hostToday();
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: isoFromParts(y, m, 1), to: isoFromParts(y, m, last) };
}

interface JournalFilters {
  from: string;
  to: string;
  channel: string | null;
  subservice: string | null;
  status: string | null;
  registeredBy: string | null;
  page: number;
}

const initialFilters = (): JournalFilters => ({
  ...currentMonth(),
  channel: null,
  subservice: null,
  status: null,
  registeredBy: null,
  page: 1,
});

export function JournalScreen() {
  const { hasRole } = useSession();
  const canRegister = hasRole('reception', 'specialist');
  const [f, setF] = useSessionState<JournalFilters>('journal-filters', initialFilters());
  const [resets, setResets] = useState(0);
  const printJournal = useApiMutation('journal.print');
  const navigate = useNavigate();
  const openIntake = () => void navigate({ to: '/intake' });

  const query = {
    from: f.from || undefined,
    to: f.to || undefined,
    channel: (f.channel ?? undefined) as Channel | undefined,
    subservice: (f.subservice ?? undefined) as SubserviceCode | undefined,
    status: (f.status ?? undefined) as CaseStatus | undefined,
    registeredBy: f.registeredBy ? Number(f.registeredBy) : undefined,
    sort: 'number_desc' as const,
  };
  const { data, loading, error, retry } = useCaseList({ ...query, page: f.page, pageSize: PAGE_SIZE });

  const filter = (patch: Partial<JournalFilters>) => setF((x) => ({ ...x, ...patch, page: 1 }));
  const reset = () => {
    setF(initialFilters());
    setResets((n) => n + 1); // also clears half-typed dates
  };

  const print = async () => {
    const month = currentMonth();
    const from = f.from || month.from;
    const to = f.to || month.to;
    try {
      downloadFile(
        await printJournal.mutateAsync({
          from,
          to,
          channel: (f.channel ?? undefined) as Channel | undefined,
          subservice: (f.subservice ?? undefined) as SubserviceCode | undefined,
          status: (f.status ?? undefined) as CaseStatus | undefined,
          registeredBy: f.registeredBy ? Number(f.registeredBy) : undefined,
        }),
      );
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Page
      title="Журнал регистрации заявлений"
      actions={
        <>
          <Button variant="default" onClick={reset}>
            Сбросить фильтры
          </Button>
          <Button variant="default" onClick={print} loading={printJournal.isPending}>
            Печать журнала
          </Button>
          <CasesExportButton input={{ ...query, layout: 'journal' }} />
          {canRegister && (
            <Button onClick={openIntake} title="Alt+N">
              Новое заявление
              <Kbd ml={8} size="xs">
                Alt+N
              </Kbd>
            </Button>
          )}
        </>
      }
    >
      {/* Not drawn again when only the page changes. */}
      <Part deps={[{ ...f, page: 1 }, resets]}>
        {() => (
          <SimpleGrid cols={{ base: 1, sm: 3, xl: 6 }} spacing="sm" verticalSpacing="xs">
            <RuDateInput key={`from-${resets}`} label="Период с" value={f.from} onChange={(from) => filter({ from })} />
            <RuDateInput key={`to-${resets}`} label="Период по" value={f.to} onChange={(to) => filter({ to })} />
            <CaseFilter kind="channel" value={f.channel} onChange={(channel) => filter({ channel })} />
            <CaseFilter kind="subservice" value={f.subservice} onChange={(subservice) => filter({ subservice })} />
            <CaseFilter kind="status" value={f.status} onChange={(status) => filter({ status })} />
            <CaseFilter kind="registeredBy" value={f.registeredBy} onChange={(registeredBy) => filter({ registeredBy })} />
          </SimpleGrid>
        )}
      </Part>
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
              Записей в журнале: {countText(data)}
            </Text>
            {loading && <Loader size="xs" aria-label="Загрузка" />}
          </Group>
          <CaseTable
            rows={data.rows}
            columns={['number', 'received', 'applicant', 'subservice', 'channel', 'registeredBy', 'status']}
            empty="За выбранный период заявлений не зарегистрировано"
          />
          <ListFooter total={data.total} page={f.page} onPage={(page) => setF((x) => ({ ...x, page }))} />
        </>
      )}
    </Page>
  );
}
