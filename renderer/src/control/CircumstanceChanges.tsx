/**
 * Changes of a person's circumstances on their card (e.g. disability
 * established, the carer moved away): recorded here, they flag the person's
 * programme for review in «Пересмотр ИППСУ».
 */
import { Button, Card, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { CIRCUMSTANCE_CHANGE_LABELS, CIRCUMSTANCE_CHANGES } from '../../../core/domain/ippsu-term';
import { hostToday } from '../clock';
import { useApi, useApiMutation } from '../data/queries';
import { ruDate } from '../format';
import { LabeledSelect } from '../ui/cases';
import { useSession } from '../session';
import { notifyOk, submitToApi } from '../ui/forms';
import { RuDateInput } from '../ui/RuDateInput';
import { FormActions } from '../ui/FormActions';

const KIND_OPTIONS = CIRCUMSTANCE_CHANGES.map((k) => ({ value: k, label: CIRCUMSTANCE_CHANGE_LABELS[k] }));

function ChangeForm({ personId, onClose }: { personId: number; onClose(): void }) {
  const record = useApiMutation('persons.recordChange');
  const form = useForm({ initialValues: { date: hostToday(), kind: null as string | null, note: '' } });
  const v = form.getValues();
  const submit = form.onSubmit(async (x) => {
    const r = await submitToApi(form, () => record.mutateAsync({ personId, date: x.date, kind: (x.kind ?? '') as 'other', note: x.note.trim() || undefined }));
    if (r) {
      notifyOk('Изменение записано: программа отмечена для пересмотра');
      onClose();
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <LabeledSelect label="Что изменилось" required data={KIND_OPTIONS} {...form.getInputProps('kind')} />
        <RuDateInput label="Дата изменения" required value={v.date} onChange={(d) => form.setFieldValue('date', d)} error={form.errors.date} />
        <Textarea label="Примечание" autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
        <FormActions onCancel={onClose} loading={record.isPending} submit="Записать" />
      </Stack>
    </form>
  );
}

export function CircumstanceChanges({ personId }: { personId: number }) {
  const { hasRole } = useSession();
  const q = useApi('persons.changes', { personId });
  const [open, setOpen] = useState(false);
  const rows = q.data ?? [];
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={4}>Изменения обстоятельств</Title>
        {hasRole('reception', 'specialist', 'head') && (
          <Button size="xs" variant="light" onClick={() => setOpen(true)}>
            Записать изменение
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Изменений не записано.
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{ruDate(r.date)}</Table.Td>
                <Table.Td>{r.kindLabel}</Table.Td>
                <Table.Td>{r.note}</Table.Td>
                <Table.Td c="dimmed">{r.recordedByName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title="Изменение обстоятельств">
        {open && <ChangeForm personId={personId} onClose={() => setOpen(false)} />}
      </Modal>
    </Card>
  );
}
