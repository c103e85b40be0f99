/**
 * «Запросы» (p.45): the interagency requests the case still needs, sent all
 * at once («Направить все запросы») or one by one, numbered from the office's
 * register of outgoing documents unless a number is typed; the requests sent
 * with their answer deadline (5 working days, 210-ФЗ art. 7.2) and the
 * answers registered on arrival, several from one list; the request letter
 * for the paper and fax channels.
 */
import { Alert, Button, Checkbox, Group, Modal, Radio, SegmentedControl, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { REQUEST_CHANNEL_LABELS, REQUEST_CHANNELS, type RequestView } from '../../../core/api/processing';
import type { CaseView } from '../../../core/api/reception';
import { isClosed } from '../../../core/domain/case-states';
import { dueUrgency, useWorkCalendar } from '../data/calendar';
import { useApi, useApiMutation } from '../data/queries';
import { useSession } from '../session';
import { DueBadge } from '../ui/DueBadge';
import { notifyError, notifyOk, submitToApi } from '../ui/forms';
import { useUnsavedChanges } from '../ui/unsaved';
import { RuDateInput } from '../ui/RuDateInput';
import { ruDate } from '../format';
import { useRefItems } from '../ui/cases';
import { Guarded } from '../ui/Guarded';
import { printForm } from '../ui/download';
import { hostToday } from '../clock';
import { FormActions } from '../ui/FormActions';

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
  const [sendingAll, setSendingAll] = useState(false);
  const [answeringAll, setAnsweringAll] = useState(false);
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
          <Group gap="md">
            <Title order={5}>Нужно запросить</Title>
            {c.proposedRequests.length > 0 && (
              <Guarded size="xs" reason={sendReason} onClick={() => setSendingAll(true)}>
                Направить все запросы ({c.proposedRequests.length})
              </Guarded>
            )}
          </Group>
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
          <Table verticalSpacing="xs" striped layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="28%">Ведомство</Table.Th>
                  <Table.Th>Что запрашивается</Table.Th>
                  <Table.Th w={170} />
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
        )}
      </Stack>

      <Stack gap="xs">
        <Group gap="md">
          <Title order={5}>Направленные запросы</Title>
          {c.requests.filter((r) => !r.answerDate).length > 1 && (
            <Guarded size="xs" variant="light" reason={answerReason} onClick={() => setAnsweringAll(true)}>
              Зарегистрировать ответы списком
            </Guarded>
          )}
        </Group>
        {c.requests.length === 0 ? (
          <Text size="sm" c="dimmed">
            Запросов не направлялось.
          </Text>
        ) : (
            <Table verticalSpacing="xs" striped layout="fixed" data-testid="sent-requests">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Ведомство, что запрошено</Table.Th>
                  <Table.Th w={130}>Исх. №, способ</Table.Th>
                  <Table.Th w={125}>Срок ответа</Table.Th>
                  <Table.Th w="24%">Ответ</Table.Th>
                  <Table.Th w={190} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.requests.map((r) => (
                  <Table.Tr key={r.id} data-testid={`request-${r.id}`} data-answered={r.answerDate ? 'true' : 'false'} data-overdue={r.overdue ? 'true' : 'false'}>
                    <Table.Td>
                      <AgencyName code={r.agencyCode} name={r.agencyName} short={shortName} />
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {r.subject}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {r.outgoingNumber}
                      </Text>
                      <Text size="xs" c="dimmed">
                        от {ruDate(r.sentDate)}, {REQUEST_CHANNEL_LABELS[r.channel]}
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
                          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
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
                            Внести ответ
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
      {sendingAll && (
        <SendAllModal
          c={c}
          onClose={() => setSendingAll(false)}
          onDone={(next, count) => {
            setSendingAll(false);
            const numbers = next.requests.slice(-count).map((r) => r.outgoingNumber);
            notifyOk(`Направлено запросов: ${count} (исх. № ${numbers.join(', ')})`);
          }}
        />
      )}
      {answeringAll && (
        <AnswersModal
          c={c}
          onClose={() => setAnsweringAll(false)}
          onDone={(count) => {
            setAnsweringAll(false);
            notifyOk(`Зарегистрировано ответов: ${count}`);
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
        outgoingNumber: v.outgoingNumber.trim() || undefined,
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
            <OutgoingNumberInput year={form.values.sentDate.slice(0, 4)} data-autofocus {...form.getInputProps('outgoingNumber')} />
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
          <FormActions onCancel={onClose} loading={form.submitting} submit="Направить" />
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
          <FormActions onCancel={onClose} loading={form.submitting} submit="Зарегистрировать" />
        </Stack>
      </form>
    </Modal>
  );
}

/** The outgoing number: empty takes the next one of the office's register of outgoing documents. */
function OutgoingNumberInput({ year, label = 'Исходящий номер', ...rest }: { year: string; label?: string; 'data-autofocus'?: boolean } & ReturnType<ReturnType<typeof useForm>['getInputProps']>) {
  const next = useNextOutgoing(year);
  return <TextInput label={label} placeholder={next ?? ''} description={next ? `Пусто — по журналу исходящих: ${next}` : 'Пусто — по журналу исходящих'} {...rest} />;
}

/** The next numbers of the register of outgoing documents for a year, from the host. */
function useNextOutgoing(year: string): string | null {
  const y = Number(year);
  const q = useApi('registers.outgoing', { year: y }, { enabled: y >= 2000 && y <= 2100 });
  return q.data ? `${q.data.lastSeq + 1}/${y}` : null;
}

interface SendRow {
  include: boolean;
  agencyCode: string;
  agencyName: string;
  documentKeys: string[];
  subject: string;
  channel: (typeof REQUEST_CHANNELS)[number];
  outgoingNumber: string;
}

/** «Направить все запросы»: every proposed request on one date, each with its channel; numbers from the register unless typed. */
function SendAllModal({ c, onClose, onDone }: { c: CaseView; onClose(): void; onDone(next: CaseView, count: number): void }) {
  const sendAll = useApiMutation('requests.sendAll');
  const form = useForm({
    initialValues: {
      sentDate: hostToday(),
      rows: c.proposedRequests.map((p): SendRow => ({ include: true, agencyCode: p.agencyCode, agencyName: p.agencyName, documentKeys: p.documentKeys, subject: p.subject, channel: 'smev', outgoingNumber: '' })),
    },
    validate: {
      sentDate: (v) => (v ? null : 'Укажите дату направления'),
      rows: { subject: (v, values, path) => (values.rows[Number(path.split('.')[1])]?.include && !v.trim() ? 'Укажите, что запрашивается' : null) },
    },
  });
  useUnsavedChanges(form.isDirty());
  const y = Number(form.values.sentDate.slice(0, 4));
  const register = useApi('registers.outgoing', { year: y }, { enabled: y >= 2000 && y <= 2100 });
  const chosen = form.values.rows.filter((r) => r.include);
  // The numbers the register will give, in the order the requests are recorded.
  let auto = 0;
  const planned = form.values.rows.map((r) => (r.include && !r.outgoingNumber.trim() && register.data ? `${register.data.lastSeq + 1 + auto++}/${y}` : null));
  const submit = form.onSubmit(async (v) => {
    const rows = v.rows.filter((r) => r.include);
    if (!rows.length) return;
    const next = await submitToApi(form, () =>
      sendAll.mutateAsync({
        caseId: c.id,
        sentDate: v.sentDate,
        requests: rows.map((r) => ({ agencyCode: r.agencyCode, documentKeys: r.documentKeys, subject: r.subject, channel: r.channel, outgoingNumber: r.outgoingNumber.trim() || undefined })),
      }),
    );
    if (next) onDone(next, rows.length);
  });
  return (
    <Modal opened onClose={onClose} title="Направить все запросы" size="xl">
      <form onSubmit={submit} noValidate aria-label="Направить все запросы">
        <Stack>
          <Group align="flex-end" gap="lg">
            <RuDateInput label="Дата направления" required value={form.values.sentDate} onChange={(iso) => form.setFieldValue('sentDate', iso)} error={form.errors.sentDate} />
            <Text size="xs" c="dimmed" maw={520} pb={6}>
              Пустой исходящий номер присваивается по журналу исходящих документов управления при направлении. Срок ответа — 5 рабочих дней.
            </Text>
          </Group>
          <Table verticalSpacing="xs" layout="fixed" data-testid="send-all-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36} />
                <Table.Th>Ведомство, что запрашивается</Table.Th>
                <Table.Th w={230}>Способ</Table.Th>
                <Table.Th w={160}>Исходящий №</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.rows.map((r, i) => (
                <Table.Tr key={r.agencyCode} data-testid={`send-${r.agencyCode}`}>
                  <Table.Td>
                    <Checkbox aria-label={`Направить запрос: ${r.agencyName}`} {...form.getInputProps(`rows.${i}.include`, { type: 'checkbox' })} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500} mb={4}>
                      {r.agencyName}
                    </Text>
                    <Textarea aria-label={`Что запрашивается: ${r.agencyName}`} autosize minRows={1} maxRows={4} size="xs" disabled={!r.include} {...form.getInputProps(`rows.${i}.subject`)} />
                  </Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      size="xs"
                      fullWidth
                      aria-label={`Способ направления: ${r.agencyName}`}
                      disabled={!r.include}
                      data={REQUEST_CHANNELS.map((ch) => ({ value: ch, label: REQUEST_CHANNEL_LABELS[ch] }))}
                      {...form.getInputProps(`rows.${i}.channel`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={`Исходящий номер: ${r.agencyName}`}
                      placeholder={planned[i] ?? ''}
                      disabled={!r.include}
                      {...form.getInputProps(`rows.${i}.outgoingNumber`)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={form.submitting} disabled={chosen.length === 0}>
              Направить ({chosen.length})
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Answers to several requests from one list: the rows with an incoming number are registered, one by one. */
function AnswersModal({ c, onClose, onDone }: { c: CaseView; onClose(): void; onDone(count: number): void }) {
  const answer = useApiMutation('requests.answer');
  // The requests as they were when the list opened: each answer is registered against that revision.
  const [open] = useState(() => c.requests.filter((r) => !r.answerDate));
  const form = useForm({
    initialValues: { rows: open.map((r) => ({ requestId: r.id, rev: r.rev, answerDate: hostToday(), incomingNumber: '', summary: '', done: false })) },
    validate: {
      rows: {
        summary: (v, values, path) => {
          const row = values.rows[Number(path.split('.')[1])];
          return row?.incomingNumber.trim() && !v.trim() ? 'Кратко изложите содержание ответа' : null;
        },
      },
    },
  });
  useUnsavedChanges(form.isDirty());
  const [busy, setBusy] = useState(false);
  const filled = form.values.rows.filter((r) => !r.done && r.incomingNumber.trim());
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    let done = 0;
    try {
      for (const [i, r] of v.rows.entries()) {
        if (r.done || !r.incomingNumber.trim()) continue;
        try {
          await answer.mutateAsync({ requestId: r.requestId, rev: r.rev, answerDate: r.answerDate, incomingNumber: r.incomingNumber, summary: r.summary });
          form.setFieldValue(`rows.${i}.done`, true);
          done++;
        } catch (e) {
          // Stop at the first refusal: the answers before it are registered (marked so), this one says why.
          const fields = (e as { fields?: Record<string, string> }).fields ?? {};
          form.setErrors(Object.fromEntries(Object.entries(fields).map(([k, m]) => [`rows.${i}.${k === 'summary' || k === 'answerDate' ? k : 'incomingNumber'}`, m])));
          notifyError(e);
          return;
        }
      }
      onDone(done);
    } finally {
      setBusy(false);
    }
  });
  const request = (id: number) => open.find((r) => r.id === id)!;
  return (
    <Modal opened onClose={onClose} title="Ответы на запросы" size="xl">
      <form onSubmit={submit} noValidate aria-label="Ответы на запросы">
        <Stack>
          <Text size="sm" c="dimmed">
            Заполните строки поступивших ответов; строки без входящего номера не регистрируются.
          </Text>
          <Table verticalSpacing="xs" layout="fixed" data-testid="answer-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Запрос</Table.Th>
                <Table.Th w={150}>Дата ответа</Table.Th>
                <Table.Th w={130}>Входящий №</Table.Th>
                <Table.Th w="30%">Краткое содержание</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.rows.map((row, i) => {
                const r = request(row.requestId);
                return (
                  <Table.Tr key={row.requestId} data-testid={`answer-${r.id}`}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        исх. № {r.outgoingNumber}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={2} title={r.subject}>
                        {r.agencyName}
                      </Text>
                    </Table.Td>
                    {row.done ? (
                      <Table.Td colSpan={3}>
                        <Text size="sm" c="green.8">
                          Ответ зарегистрирован
                        </Text>
                      </Table.Td>
                    ) : (
                      <>
                    <Table.Td>
                      <RuDateInput
                        aria-label={`Дата ответа на исх. № ${r.outgoingNumber}`}
                        size="xs"
                        value={row.answerDate}
                        onChange={(iso) => form.setFieldValue(`rows.${i}.answerDate`, iso)}
                        error={form.errors[`rows.${i}.answerDate`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={`Входящий номер ответа на исх. № ${r.outgoingNumber}`} data-autofocus={i === 0 || undefined} {...form.getInputProps(`rows.${i}.incomingNumber`)} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={`Содержание ответа на исх. № ${r.outgoingNumber}`} {...form.getInputProps(`rows.${i}.summary`)} />
                    </Table.Td>
                      </>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={busy} disabled={filled.length === 0}>
              Зарегистрировать ({filled.length})
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
