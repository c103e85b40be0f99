/**
 * The sign-off step on the decision tab (p.46): the specialist's «Передать на
 * подпись», the head's «Вернуть на доработку», and the note saying where the
 * draft is (sent, or returned with the head's comment).
 */
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { CaseView } from '../../../core/api/reception';
import { useApiMutation } from '../data/queries';
import { ruDateTime } from '../format';
import { notifyError, notifyOk } from '../ui/forms';
import { SignoffDialog } from './SignoffScreen';

/** The latest event that moved the case to `status`. */
function lastTo(c: CaseView, status: CaseView['status']) {
  return [...c.events].reverse().find((e) => e.kind === 'status' && e.toStatus === status);
}

export function SignoffNote({ c }: { c: CaseView }) {
  if (c.status === 'returned') {
    const e = lastTo(c, 'returned');
    return (
      <Alert color="orange" variant="light" title="Проект возвращён на доработку" data-testid="returned-note">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {e?.note}
        </Text>
        <Text size="xs" c="dimmed">
          {e?.userName}, {ruDateTime(e?.at)}
        </Text>
      </Alert>
    );
  }
  if (c.status === 'awaiting_signature') {
    const e = lastTo(c, 'awaiting_signature');
    return (
      <Alert color="grape" variant="light" data-testid="awaiting-note">
        <Text size="sm">
          Передано на подпись {ruDateTime(e?.at)}
          {e?.userName ? ` (${e.userName})` : ''}.
        </Text>
      </Alert>
    );
  }
  return null;
}

export function SubmitForSigning({ c, dirty }: { c: CaseView; dirty: boolean }) {
  const submit = useApiMutation('signoff.submit');
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  if (c.status !== 'decision_drafted' && c.status !== 'returned') return null;
  const send = async () => {
    try {
      await submit.mutateAsync({ caseId: c.id, comment: comment.trim() || undefined });
      setOpen(false);
      setComment('');
      notifyOk('Проект передан на подпись');
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <>
      <Button color="grape" disabled={dirty} title={dirty ? 'Сохраните изменения перед передачей на подпись' : undefined} onClick={() => setOpen(true)}>
        Передать на подпись
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Передать на подпись">
        <Stack>
          <Textarea label="Комментарий для руководителя" autosize minRows={2} maxLength={1000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Отмена
            </Button>
            <Button color="grape" loading={submit.isPending} onClick={() => void send()}>
              Передать
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function ReturnForRevision({ c }: { c: CaseView }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <Button variant="light" color="orange" onClick={() => setOpen(c.id)}>
        Рассмотреть проект
      </Button>
      <SignoffDialog caseId={open} onClose={() => setOpen(null)} />
    </>
  );
}
