/**
 * «Запросы» (p.45): the interagency requests the case still needs, recorded
 * as sent (date, channel, outgoing number); the requests sent with their
 * answer deadline (5 working days, 210-ФЗ art. 7.2) and the answers
 * registered on arrival; the request letter for the paper and fax channels.
 */
import { Alert, Button, Group, Modal, Radio, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { REQUEST_CHANNEL_LABELS, REQUEST_CHANNELS, type RequestView } from '../../../core/api/processing';
import type { CaseView } from '../../../core/api/reception';
import { isClosed } from '../../../core/domain/case-states';
import { dueUrgency, useWorkCalendar } from '../data/calendar';
import { useApiMutation } from '../data/queries';
import { useSession } from '../session';
import { DueBadge } from '../ui/DueBadge';
import { notifyOk, submitToApi } from '../ui/forms';
import { useUnsavedChanges } from '../ui/unsaved';
import { RuDateInput } from '../ui/RuDateInput';
import { ruDate } from '../format';
import { useRefItems } from '../ui/cases';
import { Guarded } from '../ui/Guarded';
import { printForm } from '../ui/download';
import { hostToday } from '../clock';

// ------------------------------------------------------------------ the tab

/** The agency's short name (the full one on hover), or the full name when there is no short one. */
function AgencyName({ code, name, short }: { code: string; name: string; short: (code: string) => string | null }) {
  const s = short(code);
  return (
    <Text size="sm" fw={500} title={name}>
      {s ?? name}
    </Text>
  );
}

type Proposal = CaseView['proposedRequests'][number];

export function RequestsTab({ c }: { c: CaseView }) {
  const { hasRole } = useSession();
  const cal = useWorkCalendar();
  const [sending, setSending] = useState<Proposal | null>(null);
  const [answering, setAnswering] = useState<RequestView | null>(null);
  const [printing, setPrinting] = useState<number | null>(null);
  const letter = useApiMutation('requests.letter');
  const closed = isClosed(c.status);
  const agencies = useRefItems('agency');
  const shortName = (code: string) => agencies?.find((a) => a.code === code)?.shortName ?? null;

  const sendReason = closed ? 'Дело закрыто.' : !hasRole('specialist') ? 'Запросы направляет специалист (роль «Специалист»).' : null;
  const answerReason = closed ? 'Дело закрыто.' : !hasRole('specialist', 'reception') ? 'Ответы регистрирует специалист или приём.' : null;
  const letterReason = !hasRole('specialist', 'reception') ? 'Письмо печатает специалист или приём.' : null;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>Нужно запросить</Title>
          {c.deadlines.requests && (
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                Срок направления запросов (п. 45):
              </Text>
              <DueBadge
                date={c.deadlines.requests}
                done={c.proposedRequests.length === 0 || closed}
                urgency={c.proposedRequests.length ? dueUrgency(cal, c.deadlines.requests) : null}
              />
            </Group>
          )}
        </Group>
        {c.proposedRequests.length === 0 ? (
          <Text size="sm" c="dimmed">
            {c.requests.length ? 'Все необходимые запросы направлены.' : 'Межведомственные запросы не требуются: документы представлены заявителем.'}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="28%">Ведомство</Table.Th>
                  <Table.Th>Что запрашивается</Table.Th>
                  <Table.Th w={180} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.proposedRequests.map((p) => (
                  <Table.Tr key={p.agencyCode} data-testid={`proposed-${p.agencyCode}`}>
                    <Table.Td>
                      <AgencyName code={p.agencyCode} name={p.agencyName} short={shortName} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{p.subject}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Guarded size="xs" reason={sendReason} onClick={() => setSending(p)}>
                        Направить запрос
                      </Guarded>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={5}>Направленные запросы</Title>
        {c.requests.length === 0 ? (
          <Text size="sm" c="dimmed">
            Запросов не направлялось.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={1100}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Ведомство, что запрошено</Table.Th>
                  <Table.Th w={100}>Способ</Table.Th>
                  <Table.Th w={130}>Исх. №, дата</Table.Th>
                  <Table.Th w={130}>Срок ответа</Table.Th>
                  <Table.Th w="24%">Ответ</Table.Th>
                  <Table.Th w={190} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.requests.map((r) => (
                  <Table.Tr key={r.id} data-testid={`request-${r.id}`} data-answered={r.answerDate ? 'true' : 'false'} data-overdue={r.overdue ? 'true' : 'false'}>
                    <Table.Td>
                      <AgencyName code={r.agencyCode} name={r.agencyName} short={shortName} />
                      <Text size="xs" c="dimmed">
                        {r.subject}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{REQUEST_CHANNEL_LABELS[r.channel]}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {r.outgoingNumber}
                      </Text>
                      <Text size="xs" c="dimmed">
                        от {ruDate(r.sentDate)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <DueBadge
                        date={r.dueDate}
                        done={!!r.answerDate}
                        urgency={r.answerDate ? null : r.overdue ? 'overdue' : dueUrgency(cal, r.dueDate)}
                        size="sm"
                      />
                    </Table.Td>
                    <Table.Td>
                      {r.answerDate ? (
                        <>
                          <Text size="sm">
                            {ruDate(r.answerDate)}, вх. № {r.answerIncomingNumber}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {r.answerSummary}
                          </Text>
                        </>
                      ) : (
                        <Text size="sm" c={r.overdue ? 'red' : 'dimmed'}>
                          {r.overdue ? 'ответ не получен, срок истёк' : 'ожидается'}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={6} align="stretch">
                        {!r.answerDate && (
                          <Guarded size="xs" variant="light" reason={answerReason} onClick={() => setAnswering(r)}>
                            Зарегистрировать ответ
                          </Guarded>
                        )}
                        {r.channel !== 'smev' && (
                          <Guarded
                            size="xs"
                            variant="default"
                            reason={letterReason}
                            loading={printing === r.id}
                            onClick={() => printForm(() => letter.mutateAsync({ requestId: r.id }), (on) => setPrinting(on ? r.id : null))}
                          >
                            Письмо
                          </Guarded>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {c.requests.some((r) => r.overdue) && (
          <Alert color="red" variant="light">
            Срок ответа на запрос истёк. Ответ на межведомственный запрос — не позднее 5 рабочих дней со дня его поступления в ведомство (210-ФЗ, ст. 7.2).
          </Alert>
        )}
      </Stack>

      {sending && (
        <SendModal
          c={c}
          proposal={sending}
          onClose={() => setSending(null)}
          onDone={(channel) => {
            setSending(null);
            notifyOk(channel === 'smev' ? 'Запрос записан как направленный' : 'Запрос записан. Письмо для отправки — кнопка «Письмо» в строке запроса');
          }}
        />
      )}
      {answering && (
        <AnswerModal
          request={answering}
          onClose={() => setAnswering(null)}
          onDone={() => {
            setAnswering(null);
            notifyOk('Ответ зарегистрирован');
          }}
        />
      )}
    </Stack>
  );
}

function SendModal({
  c,
  proposal,
  onClose,
  onDone,
}: {
  c: CaseView;
  proposal: Proposal;
  onClose(): void;
  onDone(channel: string): void;
}) {
  const send = useApiMutation('requests.send');
  const form = useForm({
    initialValues: { sentDate: hostToday(), channel: 'smev' as string, outgoingNumber: '', subject: proposal.subject },
    validate: {
      sentDate: (v) => (v ? null : 'Укажите дату направления'),
      outgoingNumber: (v) => (v.trim() ? null : 'Укажите исходящий номер'),
      subject: (v) => (v.trim() ? null : 'Укажите, что запрашивается'),
    },
  });
  useUnsavedChanges(form.isDirty());
  const submit = form.onSubmit(async (v) => {
    const next = await submitToApi(form, () =>
      send.mutateAsync({
        caseId: c.id,
        agencyCode: proposal.agencyCode,
        documentKeys: proposal.documentKeys,
        subject: v.subject,
        channel: v.channel as (typeof REQUEST_CHANNELS)[number],
        outgoingNumber: v.outgoingNumber,
        sentDate: v.sentDate,
      }),
    );
    if (next) onDone(v.channel);
  });
  return (
    <Modal opened onClose={onClose} title={`Направить запрос: ${proposal.agencyName}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group align="flex-start" grow>
            <RuDateInput label="Дата направления" required value={form.values.sentDate} onChange={(iso) => form.setFieldValue('sentDate', iso)} error={form.errors.sentDate} />
            <TextInput label="Исходящий номер" required data-autofocus {...form.getInputProps('outgoingNumber')} />
          </Group>
          <Radio.Group label="Способ направления" required {...form.getInputProps('channel')}>
            <Group mt={6} gap="lg">
              {REQUEST_CHANNELS.map((ch) => (
                <Radio key={ch} value={ch} label={REQUEST_CHANNEL_LABELS[ch]} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea label="Что запрашивается" required autosize minRows={2} maxRows={8} {...form.getInputProps('subject')} />
          <Text size="xs" c="dimmed">
            Срок ответа — 5 рабочих дней со дня направления. Для запросов на бумаге и по факсу после записи можно распечатать письмо.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={form.submitting}>
              Направить
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** `request` as it was when the dialog opened: the answer is registered against that revision. */
function AnswerModal({ request, onClose, onDone }: { request: RequestView; onClose(): void; onDone(): void }) {
  const answer = useApiMutation('requests.answer');
  const form = useForm({
    initialValues: { answerDate: hostToday(), incomingNumber: '', summary: '' },
    validate: {
      answerDate: (v) => (v ? null : 'Укажите дату ответа'),
      incomingNumber: (v) => (v.trim() ? null : 'Укажите входящий номер'),
      summary: (v) => (v.trim() ? null : 'Кратко изложите содержание ответа'),
    },
  });
  useUnsavedChanges(form.isDirty());
  const submit = form.onSubmit(async (v) => {
    const next = await submitToApi(form, () => answer.mutateAsync({ requestId: request.id, rev: request.rev, ...v }), { reload: onClose });
    if (next) onDone();
  });
  return (
    <Modal opened onClose={onClose} title={`Ответ на запрос исх. № ${request.outgoingNumber}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {request.agencyName}: {request.subject}
          </Text>
          <Group align="flex-start" grow>
            <RuDateInput label="Дата ответа" required value={form.values.answerDate} onChange={(iso) => form.setFieldValue('answerDate', iso)} error={form.errors.answerDate} />
            <TextInput label="Входящий номер" required data-autofocus {...form.getInputProps('incomingNumber')} />
          </Group>
          <Textarea label="Краткое содержание" required autosize minRows={2} maxRows={8} {...form.getInputProps('summary')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={form.submitting}>
              Зарегистрировать
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
