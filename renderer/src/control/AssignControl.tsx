/** The responsible specialist of a case, and the head's «Назначить» (cases.assign; the change goes on the timeline). */
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CaseView } from '../../../core/api/reception';
import { isClosed } from '../../../core/domain/case-states';
import { useApiMutation } from '../data/queries';
import { LabeledSelect, useDirectory, userOptions } from '../ui/cases';
import { useSession } from '../session';
import { notifyError, notifyOk } from '../ui/forms';

export function AssignControl({ c }: { c: CaseView }) {
  const { hasRole } = useSession();
  const users = useDirectory();
  const assign = useApiMutation('cases.assign');
  const [open, setOpen] = useState(false);
  const [who, setWho] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const canAssign = hasRole('head') && !isClosed(c.status);
  const save = async () => {
    try {
      await assign.mutateAsync({ caseId: c.id, responsibleId: who ? Number(who) : null, note: note.trim() || undefined });
      setOpen(false);
      notifyOk(who ? 'Ответственный назначен' : 'Ответственный снят');
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Group gap="xs" wrap="nowrap" data-testid="responsible">
      <Text size="sm" c={c.responsibleName ? undefined : 'dimmed'}>
        {c.responsibleName ?? 'не назначен'}
      </Text>
      {canAssign && (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => {
            setWho(c.responsibleId ? String(c.responsibleId) : null);
            setNote('');
            setOpen(true);
          }}
        >
          {c.responsibleId ? 'Передать' : 'Назначить'}
        </Button>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title="Ответственный специалист">
        <Stack>
          <LabeledSelect
            label="Специалист"
            placeholder="Не назначен"
            clearable
            searchable
            nothingFoundMessage="Ничего не найдено"
            data={userOptions(users.filter((u) => u.active))}
            value={who}
            onChange={setWho}
          />
          <TextInput label="Причина" maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Отмена
            </Button>
            <Button loading={assign.isPending} onClick={() => void save()}>
              Сохранить
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
