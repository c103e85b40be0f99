/**
 * «На подпись» (#/signoff, p.46): drafts the specialists sent for signing,
 * nearest decision deadline first. The head reviews one (a single screen with
 * the draft and its DOCX), then signs it with one confirmation, or returns it
 * for revision with a comment that goes on the case's timeline.
 */
import { Alert, Button, Card, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Out } from '../../../core/api/contract';
import type { DecisionView } from '../../../core/api/processing';
import { useApi, useApiMutation } from '../data/queries';
import { ruDate, ruDateTime, shortPersonName, subserviceShort } from '../format';
import { DueBadge } from '../ui/DueBadge';
import { downloadFile } from '../ui/download';
import { notifyError, notifyOk } from '../ui/forms';
import { AnchorLink } from '../ui/links';
import { Page } from '../ui/Page';
import { EmptyRow, Pending } from './parts';

type Row = Out<'signoff.queue'>[number];

const KIND_LABEL = { ippsu: 'ИППСУ', refusal: 'Отказ' } as const;

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The draft in a few lines: what the head is about to sign. */
function DraftSummary({ d }: { d: DecisionView }) {
  const x = d.data;
  if (d.kind === 'ippsu') {
    const services = Array.isArray(x.services) ? x.services.length : 0;
    return (
      <Text size="sm">
        ИППСУ от {ruDate(str(x.date))}, на срок до {ruDate(str(x.termUntil))}; социальных услуг: {services}.
      </Text>
    );
  }
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      Отказ от {ruDate(str(x.date))}. {str(x.motivatedText)}
    </Text>
  );
}

/** Review of one draft sent for signing: sign (with one confirmation) or return with a comment. */
export function SignoffDialog({ caseId, onClose }: { caseId: number | null; onClose(): void }) {
  const c = useApi('cases.get', { id: caseId ?? 0 }, { enabled: caseId !== null });
  const sign = useApiMutation('decisions.sign');
  const ret = useApiMutation('signoff.return');
  const print = useApiMutation('decisions.print');
  const [step, setStep] = useState<'review' | 'confirm' | 'return'>('review');
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const draft = c.data?.decisions.find((d) => d.status === 'draft');
  const close = () => {
    setStep('review');
    setComment('');
    setCommentError(null);
    onClose();
  };
  const doSign = async () => {
    if (!draft) return;
    try {
      const next = await sign.mutateAsync({ decisionId: draft.id, rev: draft.rev });
      notifyOk(`Подписано: исх. № ${next.decisions.find((d) => d.id === draft.id)?.outgoingNumber ?? ''}`);
      close();
    } catch (e) {
      notifyError(e);
      close();
    }
  };
  const doReturn = async () => {
    if (!c.data) return;
    if (!comment.trim()) {
      setCommentError('Напишите, что доработать');
      return;
    }
    try {
      await ret.mutateAsync({ caseId: c.data.id, comment: comment.trim() });
      notifyOk('Проект возвращён на доработку');
      close();
    } catch (e) {
      notifyError(e);
    }
  };
  const submitted = c.data?.events.filter((e) => e.toStatus === 'awaiting_signature').at(-1);
  return (
    <Modal opened={caseId !== null} onClose={close} size="lg" title={step === 'confirm' ? 'Подписать решение' : step === 'return' ? 'Вернуть на доработку' : 'Проект на подпись'}>
      {!c.data ? (
        <Pending error={c.error} onRetry={() => void c.refetch()} />
      ) : !draft || c.data.status !== 'awaiting_signature' ? (
        <Alert color="gray">Проект уже не ждёт подписи (статус дела изменился).</Alert>
      ) : step === 'review' ? (
        <Stack gap="sm">
          <Text fw={600}>
            Дело № {c.data.journalNumber}, {c.data.applicantName}
          </Text>
          <Text size="sm" c="dimmed">
            {subserviceShort(c.data.subservice)} · {KIND_LABEL[draft.kind]}, версия {draft.version} · подготовил(а) {draft.createdByName}
          </Text>
          <Group gap="xs">
            <Text size="sm">Срок принятия решения (п. 46):</Text>
            <DueBadge date={c.data.deadlines.decision} urgency={null} />
          </Group>
          <Card withBorder padding="sm">
            <DraftSummary d={draft} />
          </Card>
          {submitted?.note && (
            <Text size="sm">
              Комментарий специалиста: <i>{submitted.note}</i>
            </Text>
          )}
          <Group justify="space-between">
            <Button variant="default" loading={print.isPending} onClick={() => print.mutateAsync({ decisionId: draft.id }).then(downloadFile, notifyError)}>
              Открыть проект (DOCX)
            </Button>
            <Group gap="xs">
              <Button variant="light" color="orange" onClick={() => setStep('return')}>
                Вернуть на доработку
              </Button>
              <Button color="green" onClick={() => setStep('confirm')}>
                Подписать
              </Button>
            </Group>
          </Group>
        </Stack>
      ) : step === 'confirm' ? (
        <Stack>
          <Text size="sm">
            {draft.kind === 'refusal' ? 'Уведомление об отказе' : 'ИППСУ'}, версия {draft.version}, дело № {c.data.journalNumber}. После подписания документ нельзя изменить:
            присваивается исходящий номер, документ сохраняется вместе с его SHA-256.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep('review')} data-autofocus>
              Назад
            </Button>
            <Button color="green" loading={sign.isPending} onClick={() => void doSign()}>
              Подтвердить подпись
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Textarea
            label="Что доработать"
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={comment}
            error={commentError}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setCommentError(null);
            }}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep('review')}>
              Назад
            </Button>
            <Button color="orange" loading={ret.isPending} onClick={() => void doReturn()}>
              Вернуть
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function SignoffScreen() {
  const q = useApi('signoff.queue', {});
  const [open, setOpen] = useState<number | null>(null);
  const rows: Row[] = q.data ?? [];
  return (
    <Page title="На подпись">
      {!q.data ? (
<Pending error={q.error} onRetry={() => void q.refetch()} />
) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Проекты на подпись">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Срок решения</Table.Th>
                <Table.Th>Рег. №</Table.Th>
                <Table.Th>Заявитель</Table.Th>
                <Table.Th>Решение</Table.Th>
                <Table.Th>Передал(а)</Table.Th>
                <Table.Th>Комментарий</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.decisionId} data-testid={`signoff-row-${r.case.id}`}>
                  <Table.Td>
                    <DueBadge date={r.dueDecision} urgency={r.decisionUrgency === 'later' ? null : r.decisionUrgency} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <AnchorLink to="/cases/$id" params={{ id: r.case.id }} fw={600}>
                      {r.case.journalNumber}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.case.applicantName}</Text>
                    <Text size="xs" c="dimmed">
                      {subserviceShort(r.case.subservice)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {KIND_LABEL[r.decisionKind]}, версия {r.version}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {r.submittedByName ? shortPersonName(r.submittedByName) : shortPersonName(r.draftedByName)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {ruDateTime(r.submittedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {r.submitNote ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" onClick={() => setOpen(r.case.id)}>
                      Рассмотреть
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
              {rows.length === 0 && <EmptyRow cols={7}>Проектов на подпись нет</EmptyRow>}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <SignoffDialog caseId={open} onClose={() => setOpen(null)} />
    </Page>
  );
}
