/**
 * One case (#/cases/{id}): the applicant, the representative, the
 * application, its deadlines, the document checklist, what was printed and
 * the journal entry; printing the receipt; annulling a registration made in
 * error.
 */
import { AssignControl } from '../control/AssignControl';
import { Alert, Badge, Button, Card, Center, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import { idDocText, InfoRows, PersonDetails, str } from '../ui/person';
import {
  AUTHORITY_LABELS,
  DOC_STATE_LABELS,
  type CaseView,
} from '../../../core/api/reception';
import { isClosed, stepsDone } from '../../../core/domain/case-states';
import { LGOTA_CATEGORIES } from '../../../core/domain/checklists';
import { DEADLINE_LABELS, type DeadlineKind, type Urgency } from '../../../core/domain/deadlines';
import { errorMessage } from '../api';
import { dueUrgency, useWorkCalendar } from '../data/calendar';
import { useApi, useApiMutation } from '../data/queries';
import { useSession } from '../session';
import { downloadFile } from '../ui/download';
import { DueBadge } from '../ui/DueBadge';
import { ErrorState } from '../ui/ErrorState';
import { notifyError, notifyOk, submitToApi } from '../ui/forms';
import { AnchorLink } from '../ui/links';
import { useUnsavedChanges } from '../ui/unsaved';
import { Page } from '../ui/Page';
import { CaseProcessing } from '../processing/CaseProcessing';
import { PortalCaseData } from '../exchange/PortalCaseData';
import { channelLabel, ruDate, ruDateTime, snilsText } from '../format';
import { StatusBadge, useRefItems } from '../ui/cases';

// ------------------------------------------------------------------ deadlines

function stepDone(c: CaseView, kind: DeadlineKind): boolean {
  if (isClosed(c.status)) return true;
  const done = stepsDone(c.status);
  if (kind === 'requests') return done.requestsSent;
  if (kind === 'decision') return done.decided;
  if (kind === 'result') return done.resultIssued;
  return false;
}

function DeadlinesCard({ c }: { c: CaseView }) {
  const cal = useWorkCalendar();
  const urgencyFor = (kind: DeadlineKind, date: string): Urgency => (kind === c.nextDueKind && c.urgency ? c.urgency : dueUrgency(cal, date));
  const rows: [string, ReactNode][] = [];
  if (c.deadlines.registration) {
    const registered = ruDate(c.registeredAt);
    const inTime = c.registeredAt.slice(0, 10) <= c.deadlines.registration;
    rows.push([
      DEADLINE_LABELS.registration,
      <Group gap="xs" key="reg">
        <DueBadge date={c.deadlines.registration} done />
        <Text size="xs" c={inTime ? 'green.8' : 'red'}>
          {inTime ? `зарегистрировано в срок (${registered})` : `зарегистрировано с нарушением срока (${registered})`}
        </Text>
      </Group>,
    ]);
  }
  const step = (kind: DeadlineKind, date: string | null, note?: string) => {
    if (!date) {
      rows.push([DEADLINE_LABELS[kind], note ?? '']);
      return;
    }
    const done = stepDone(c, kind);
    rows.push([DEADLINE_LABELS[kind], <DueBadge key={kind} date={date} done={done} urgency={done ? null : urgencyFor(kind, date)} />]);
  };
  const needsRequests = c.requests.length > 0 || c.documents.some((d) => d.state === 'to_request');
  step('requests', c.deadlines.requests, needsRequests ? '' : 'не требуются: все документы представлены заявителем');
  if (c.requests.length) {
    const sent = [...new Set(c.requests.map((r) => r.sentDate))].sort();
    rows.push(['Запросы направлены', sent.map(ruDate).join(', ')]);
  }
  for (const r of c.requests) {
    rows.push([
      `Ответ: ${r.agencyName.length > 40 ? `${r.agencyName.slice(0, 40)}…` : r.agencyName}`,
      <Group gap="xs" key={`answer-${r.id}`} wrap="wrap">
        <DueBadge date={r.dueDate} done={!!r.answerDate || isClosed(c.status)} urgency={r.answerDate ? null : r.overdue ? 'overdue' : dueUrgency(cal, r.dueDate)} size="sm" />
        <Text size="xs" c={r.answerDate ? 'green.8' : r.overdue ? 'red' : 'dimmed'}>
          {r.answerDate ? `получен ${ruDate(r.answerDate)}, вх. № ${r.answerIncomingNumber ?? ''}` : r.overdue ? 'не получен, срок истёк' : `ожидается (исх. № ${r.outgoingNumber})`}
        </Text>
      </Group>,
    ]);
  }
  step('decision', c.deadlines.decision);
  step('result', c.deadlines.result);
  return (
    <Card withBorder data-testid="case-deadlines">
      <Title order={4} mb="xs">
        Сроки
      </Title>
      <InfoRows rows={rows} />
      <Text size="xs" c="dimmed" mt="xs">
        Сроки в рабочих днях со дня регистрации: запросы — 1 (п. 45), решение — 10 (п. 46), результат — 15 (п. 17).
      </Text>
    </Card>
  );
}

// ------------------------------------------------------------------ the screen

const PRINT_FORMS: Record<string, string> = {
  receipt: 'Расписка в получении документов',
  journal: 'Журнал регистрации',
};

const CIRCUMSTANCE_LABELS: Record<string, string> = {
  disabled: 'инвалидность установлена',
  pensioner: 'получает пенсию',
  underAdministrativeSupervision: 'административный надзор',
  legallyIncapacitated: 'признан недееспособным',
  mentalDisorder: 'психическое расстройство',
  leftWithoutParentalCare: 'оставшийся без попечения родителей',
  legalRepresentativesDetained: 'законные представители задержаны / арестованы',
  policeReferral: 'направлен актом оперативного дежурного',
};

function circumstancesText(c: Record<string, unknown>): string {
  const parts = Object.entries(CIRCUMSTANCE_LABELS)
    .filter(([k]) => c[k] === true)
    .map(([, label]) => label);
  const relatives = Number(c.relativesUnableToCare ?? 0);
  if (relatives > 0) parts.push(`родственников, не способных осуществлять уход: ${relatives}`);
  return parts.join('; ');
}

export function CaseScreen({ id }: { id: number }) {
  const { hasRole } = useSession();
  const query = useApi('cases.get', { id });
  const c = query.data;
  const receipt = useApiMutation('cases.receipt');
  const application = useApiMutation('cases.application');
  const [annulling, setAnnulling] = useState(false);
  const subservices = useRefItems('subservice');
  const agencies = useRefItems('agency');

  // The print is logged on the case: the change notification brings it back onto the page.
  const printReceipt = () => receipt.mutateAsync({ id }).then(downloadFile, notifyError);
  const printApplication = () => application.mutateAsync({ id }).then(downloadFile, notifyError);

  if (query.error && !c) return <ErrorState message={errorMessage(query.error)} onRetry={() => void query.refetch()} />;
  if (!c) {
    return (
      <Center p="xl">
        <Loader aria-label="Загрузка" />
      </Center>
    );
  }

  const sub = subservices?.find((s) => s.code === c.subservice);
  const subName = sub ? `${sub.number}. ${sub.name}${typeof sub.details.paragraph === 'string' ? ` (${sub.details.paragraph} регламента)` : ''}` : c.subservice;
  const canAnnul = c.status === 'registered' && hasRole('reception', 'specialist', 'head');
  const canPrintApplication = hasRole('reception', 'specialist', 'head');
  const rep = c.representative;
  const lgota = LGOTA_CATEGORIES.find((l) => l.code === c.lgota);
  const agencyName = (code: string | null) => {
    if (!code) return '';
    const a = agencies?.find((x) => x.code === code);
    // Never the internal code: without the reference the line just says it is requested.
    return a ? (a.shortName ?? a.name) : '';
  };
  const received = c.documents.filter((d) => d.state === 'received');
  const sheets = received.reduce((n, d) => n + (d.sheets ?? 0), 0);
  const toRequest = c.documents.filter((d) => d.state === 'to_request');
  const answered = toRequest.filter((d) => d.request?.state === 'answered').length;
  const requested = toRequest.filter((d) => d.request?.state === 'requested').length;
  const notYet = toRequest.length - answered - requested;
  const missing = c.documents.filter((d) => d.state === 'not_provided').length;

  const details = (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={4}>Заявитель</Title>
            <AnchorLink to="/persons/$id" params={{ id: c.personId }} size="sm">
              Карточка заявителя
            </AnchorLink>
          </Group>
          <PersonDetails person={c.applicant} at={c.receivedAt.slice(0, 10)} />
        </Card>

        <Stack gap="md">
          <Card withBorder>
            <Title order={4} mb="xs">
              Заявление
            </Title>
            <InfoRows
              rows={[
                ['Подуслуга', subName],
                ['Способ поступления', channelLabel(c.channel)],
                ...(c.mfcCode ? ([['МФЦ', c.mfcName ?? c.mfcCode]] as [string, ReactNode][]) : []),
                ['Поступило', ruDateTime(c.receivedAt)],
                ['Зарегистрировано', ruDateTime(c.registeredAt)],
                ['Регистрационный №', c.journalNumber],
                ['Принял', [c.registeredByName, c.registeredByPosition].filter(Boolean).join(', ')],
                ['Ответственный', <AssignControl key="responsible" c={c} />],
                ['Льготная категория', lgota ? lgota.label : 'не относится'],
                ['Обстоятельства', circumstancesText(c.circumstances) || 'не указаны'],
              ]}
            />
          </Card>
          <Card withBorder>
            <Title order={4} mb="xs">
              Представитель
            </Title>
            {rep ? (
              <InfoRows
                rows={[
                  ['ФИО', str(rep.fullName)],
                  ['Документ', idDocText(rep.idDoc)],
                  [
                    'Основание полномочий',
                    [
                      AUTHORITY_LABELS[str(rep.authority) as keyof typeof AUTHORITY_LABELS] ?? str(rep.authority),
                      str(rep.authorityNumber) && `№ ${str(rep.authorityNumber)}`,
                      str(rep.authorityDate) && `от ${ruDate(str(rep.authorityDate))}`,
                      str(rep.organization),
                    ]
                      .filter(Boolean)
                      .join(', '),
                  ],
                  ['Телефон', str(rep.phone)],
                ]}
              />
            ) : (
              <Text size="sm" c="dimmed">
                Заявление подано без представителя.
              </Text>
            )}
          </Card>
        </Stack>
      </SimpleGrid>

      <DeadlinesCard c={c} />

      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={4}>Документы</Title>
          <Text size="sm" c="dimmed" data-testid="case-doc-counts">
            Принято: {received.length} (листов: {sheets})
            {toRequest.length > 0 && ` · запрошено: ${requested} · ответ получен: ${answered}`}
            {notYet > 0 && ` · будет запрошено: ${notYet}`} · не представлено: {missing}
          </Text>
        </Group>
        <Table verticalSpacing="xs" striped layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>№</Table.Th>
              <Table.Th>Документ</Table.Th>
              <Table.Th w={230}>Состояние</Table.Th>
              <Table.Th w={100}>Форма</Table.Th>
              <Table.Th w={70}>Листов</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.documents.map((d, i) => (
              <Table.Tr key={d.key} data-testid={`case-doc-${d.key}`} data-state={d.request?.state ?? d.state}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Text size="sm">{d.title}</Text>
                  <Text size="xs" c="dimmed">
                    {d.paragraph}
                    {d.source === 'interagency' && ` · межведомственный запрос${agencyName(d.agencyCode) ? `: ${agencyName(d.agencyCode)}` : ''}`}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DocState d={d} />
                </Table.Td>
                <Table.Td>{d.form === 'original' ? 'Подлинник' : d.form === 'copy' ? 'Копия' : '—'}</Table.Td>
                <Table.Td>{d.sheets ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {missing > 0 && (
          <Text size="xs" c="dimmed" mt="xs">
            Непредставленные документы не препятствуют регистрации (п. 29) и учитываются при принятии решения (п. 31).
          </Text>
        )}
      </Card>

      <Card withBorder>
        <Title order={4} mb="xs">
          Напечатанные документы
        </Title>
        {c.prints.length === 0 ? (
          <Text size="sm" c="dimmed">
            Ничего не печаталось.
          </Text>
        ) : (
          <Table verticalSpacing={4} fz="sm" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Документ</Table.Th>
                <Table.Th>Файл</Table.Th>
                <Table.Th w={150}>Когда</Table.Th>
                <Table.Th w="25%">Кто</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.prints.map((p, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{PRINT_FORMS[p.form] ?? p.form}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{p.fileName}</Table.Td>
                  <Table.Td>{ruDateTime(p.at)}</Table.Td>
                  <Table.Td>{p.userName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );

  return (
    <Page
      title={
        <Group gap="sm" component="span">
          <span>Дело № {c.journalNumber}</span>
          <StatusBadge status={c.status} size="lg" />
        </Group>
      }
      actions={
        <>
          {c.status !== 'annulled' && (
            <Button variant="default" onClick={printReceipt} loading={receipt.isPending}>
              Печать расписки
            </Button>
          )}
          {c.status !== 'annulled' && canPrintApplication && (
            <Button variant="default" onClick={printApplication} loading={application.isPending}>
              Заявление (159н)
            </Button>
          )}
          {canAnnul && (
            <Button color="red" variant="light" onClick={() => setAnnulling(true)}>
              Аннулировать регистрацию
            </Button>
          )}
        </>
      }
    >
      {c.status === 'annulled' && (
        <Alert color="red" title="Регистрация аннулирована">
          {c.annulledAt && `${ruDateTime(c.annulledAt)}. `}
          Причина: {c.annulReason ?? '—'}
        </Alert>
      )}

      <CaseHeader c={c} />

      <CaseProcessing case={c} details={details} />

      <PortalCaseData caseId={id} />

      {annulling && (
        <AnnulModal
          c={c}
          onClose={() => setAnnulling(false)}
          onDone={(next) => {
            setAnnulling(false);
            notifyOk(`Регистрация № ${next.journalNumber} аннулирована`);
          }}
        />
      )}
    </Page>
  );
}

/** A checklist item's state; an item to request follows its request: to request → requested → answer registered. */
function DocState({ d }: { d: CaseView['documents'][number] }) {
  if (d.request) {
    const answered = d.request.state === 'answered';
    return (
      <Stack gap={2}>
        <Badge tt="none" variant="light" color={answered ? 'green' : 'cyan'} style={{ alignSelf: 'flex-start' }}>
          {answered ? 'Ответ получен' : 'Запрошен'}
        </Badge>
        <Text size="xs" c="dimmed">
          {answered
            ? `${ruDate(d.request.answerDate)} на запрос исх. № ${d.request.outgoingNumber}`
            : `исх. № ${d.request.outgoingNumber} от ${ruDate(d.request.sentDate)}, ответ до ${ruDate(d.request.dueDate)}`}
        </Text>
      </Stack>
    );
  }
  return (
    <Badge tt="none" variant="light" color={d.state === 'received' ? 'green' : d.state === 'to_request' ? 'blue' : 'orange'}>
      {DOC_STATE_LABELS[d.state]}
    </Badge>
  );
}

/** The nearest open deadline of the case: its step's, or an answer due sooner. */
function nearestDeadline(c: CaseView): { date: string; label: string; urgency: Urgency | null } | null {
  const answer = c.requests
    .filter((r) => !r.answerDate)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))[0];
  if (isClosed(c.status)) return null;
  if (answer && (!c.nextDue || answer.dueDate < c.nextDue)) return { date: answer.dueDate, label: 'ответ на запрос', urgency: answer.overdue ? 'overdue' : null };
  return c.nextDue ? { date: c.nextDue, label: DEADLINE_LABELS[c.nextDueKind as DeadlineKind]?.toLowerCase() ?? '', urgency: c.urgency } : null;
}

/** One line above the tabs: who applied, born, СНИЛС, the nearest deadline and the responsible specialist. */
function CaseHeader({ c }: { c: CaseView }) {
  const cal = useWorkCalendar();
  const next = nearestDeadline(c);
  const a = c.applicant;
  return (
    <Card withBorder py="xs" data-testid="case-header">
      <Group gap="lg" wrap="wrap" style={{ rowGap: 6 }}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" c="dimmed">
            Заявитель:
          </Text>
          <AnchorLink to="/persons/$id" params={{ id: c.personId }} fw={600} size="sm">
            {c.personNow?.fullName ?? [a.lastName, a.firstName, a.middleName].filter(Boolean).join(' ')}
          </AnchorLink>
          <Text size="sm" c="dimmed">
            {ruDate(a.birthDate)} г. р.
          </Text>
        </Group>
        {c.personNow && (
          <Text size="xs" c="orange.8" data-testid="person-changed">
            карточка изменена {ruDateTime(c.personNow.updatedAt)}
            {c.personNow.updatedByName ? ` (${c.personNow.updatedByName})` : ''}; в деле — данные на дату регистрации
          </Text>
        )}
        {a.snils && (
          <Text size="sm">
            <Text span c="dimmed" inherit>
              СНИЛС:{' '}
            </Text>
            {snilsText(a.snils)}
          </Text>
        )}
        <Text size="sm">
          <Text span c="dimmed" inherit>
            Рег. №{' '}
          </Text>
          {c.journalNumber} от {ruDate(c.registeredAt)}
        </Text>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" c="dimmed">
            Ближайший срок:
          </Text>
          {next ? <DueBadge date={next.date} label={next.label} urgency={next.urgency ?? dueUrgency(cal, next.date)} size="sm" /> : <Text size="sm">нет</Text>}
        </Group>
        <Text size="sm">
          <Text span c="dimmed" inherit>
            Ответственный:{' '}
          </Text>
          {c.responsibleName ?? 'не назначен'}
        </Text>
      </Group>
    </Card>
  );
}

/** `c`: the case as it was when the dialog opened; the annulment applies to that revision. */
function AnnulModal({ c, onClose, onDone }: { c: CaseView; onClose: () => void; onDone: (c: CaseView) => void }) {
  const annul = useApiMutation('cases.annul');
  const [rev] = useState(c.rev);
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (v) => (v.trim() ? null : 'Укажите причину аннулирования') },
  });
  useUnsavedChanges(form.isDirty());
  const submit = form.onSubmit(async ({ reason }) => {
    const next = await submitToApi(form, () => annul.mutateAsync({ id: c.id, rev, reason }), { reload: onClose });
    if (next) onDone(next);
  });
  return (
    <Modal opened onClose={onClose} title={`Аннулировать регистрацию № ${c.journalNumber}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Аннулируется регистрация, сделанная по ошибке. Запись остаётся в журнале с отметкой и причиной.
          </Text>
          <Textarea label="Причина аннулирования" required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" color="red" loading={form.submitting}>
              Аннулировать
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
