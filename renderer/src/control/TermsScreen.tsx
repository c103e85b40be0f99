/**
 * Deadline terms as data (#/admin/terms): the working-day terms of the
 * regulation in versions with their legal basis and date of effect. An
 * amendment is a new version with a later date; cases and complaints already
 * registered keep the terms they were registered with.
 */
import { Badge, Button, Modal, NumberInput, Stack, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Out } from '../../../core/api/contract';
import { errorMessage } from '../api';
import { hostToday } from '../clock';
import { useApi, useApiMutation } from '../data/queries';
import { ruDate } from '../format';
import { ErrorState } from '../ui/ErrorState';
import { notifyOk, submitToApi } from '../ui/forms';
import { Page } from '../ui/Page';
import { RuDateInput } from '../ui/RuDateInput';
import { FormActions } from '../ui/FormActions';

type Term = Out<'terms.list'>[number];

function TermForm({ term, onClose }: { term: Term; onClose(): void }) {
  const save = useApiMutation('terms.save');
  const form = useForm({ initialValues: { effectiveFrom: hostToday(), days: term.days as number | string, basis: '' } });
  const v = form.getValues();
  const submit = form.onSubmit(async (x) => {
    const r = await submitToApi(form, () => save.mutateAsync({ code: term.code, effectiveFrom: x.effectiveFrom, days: Number(x.days), basis: x.basis }));
    if (r) {
      notifyOk('Срок сохранён');
      onClose();
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {term.title} ({term.paragraph}). Дела, зарегистрированные до даты вступления в силу, сохраняют прежний срок.
        </Text>
        <RuDateInput label="Действует с" required value={v.effectiveFrom} onChange={(d) => form.setFieldValue('effectiveFrom', d)} error={form.errors.effectiveFrom} />
        <NumberInput label="Рабочих дней" required min={0} max={90} {...form.getInputProps('days')} />
        <Textarea label="Основание (нормативный акт)" required autosize minRows={2} maxLength={1000} {...form.getInputProps('basis')} />
        <FormActions onCancel={onClose} loading={save.isPending} />
      </Stack>
    </form>
  );
}

export function TermsScreen() {
  const q = useApi('terms.list', {});
  const [edit, setEdit] = useState<Term | null>(null);
  if (q.error && !q.data) return <ErrorState message={errorMessage(q.error)} onRetry={() => void q.refetch()} />;
  return (
    <Page title="Сроки регламента">
      <Table striped verticalSpacing="xs" aria-label="Сроки регламента">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Срок</Table.Th>
            <Table.Th>Пункт</Table.Th>
            <Table.Th ta="right">Рабочих дней</Table.Th>
            <Table.Th>Действует с</Table.Th>
            <Table.Th>Основание</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(q.data ?? []).map((t) => (
            <Table.Tr key={`${t.code}:${t.effectiveFrom}`}>
              <Table.Td>{t.title}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t.paragraph}</Table.Td>
              <Table.Td ta="right">{t.days}</Table.Td>
              <Table.Td>{ruDate(t.effectiveFrom)}</Table.Td>
              <Table.Td>
                <Text size="sm">{t.basis}</Text>
                {t.locallyModified && (
                  <Badge size="xs" variant="light" tt="none">
                    изменено в управлении
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => setEdit(t)}>
                  Изменить
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={edit !== null} onClose={() => setEdit(null)} title="Изменение срока" size="lg">
        {edit && <TermForm term={edit} onClose={() => setEdit(null)} />}
      </Modal>
    </Page>
  );
}
