/**
 * The complaints register (#/complaints, p.55–76): the list with the nearest
 * deadline of each complaint, the registration form with the fields of p.65,
 * and one complaint's card with its deadlines, the forwarding (p.64), the
 * decision (p.68, 72, 73), the remedy (p.69), the answer (p.71) and the
 * answer letter (p.70) as DOCX.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ComplaintFilters, type ComplaintView } from '../../../core/api/complaints';
import {
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_CHANNELS,
  COMPLAINT_DEADLINE_LABELS,
  COMPLAINT_OUTCOME_LABELS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_STATUSES,
  COMPLAINT_SUBJECT_LABELS,
  COMPLAINT_SUBJECTS,
  REFUSAL_GROUNDS_P72,
  UNANSWERED_GROUNDS_P73,
  complaintGround,
  type ComplaintDeadlineKind,
  type ComplaintOutcome,
  type ComplaintSubject,
} from '../../../core/domain/complaints';
import { hostToday } from '../clock';
import { useApi, useApiMutation } from '../data/queries';
import { ruDate, ruDateTime } from '../format';
import { LabeledSelect, PAGE_SIZE, useDirectory, userOptions, useSessionState } from '../ui/cases';
import { useSession } from '../session';
import { DueBadge } from '../ui/DueBadge';
import { downloadFile } from '../ui/download';
import { notifyError, notifyOk, submitToApi } from '../ui/forms';
import { AnchorLink, ButtonLink } from '../ui/links';
import { Page } from '../ui/Page';
import { EmptyRow, Pending } from './parts';
import { RuDateInput } from '../ui/RuDateInput';
import { FormActions } from '../ui/FormActions';

const CHANNEL_OPTIONS = COMPLAINT_CHANNELS.map((c) => ({ value: c, label: COMPLAINT_CHANNEL_LABELS[c] }));
const STATUS_OPTIONS = COMPLAINT_STATUSES.map((s) => ({ value: s, label: COMPLAINT_STATUS_LABELS[s] }));
const URGENCY_OPTIONS = [
  { value: 'overdue', label: 'Просрочено' },
  { value: 'today', label: 'Срок сегодня' },
  { value: 'soon', label: 'В ближайшие 2 рабочих дня' },
];
const deadlineLabel = (k: string | null) => (k ? (COMPLAINT_DEADLINE_LABELS[k as ComplaintDeadlineKind] ?? k) : undefined);

/** The filter a dashboard figure sent, or null. */
export function parseComplaintFilter(raw: unknown): ComplaintFilters | null {
  if (typeof raw !== 'string') return null;
  try {
    const r = ComplaintFilters.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------ the list

interface ListState {
  q: string;
  status: string | null;
  urgency: string | null;
  page: number;
}
const NO_FILTERS: ListState = { q: '', status: null, urgency: null, page: 1 };

export function ComplaintsScreen({ preset }: { preset: ComplaintFilters | null }) {
  const [f, setF] = useSessionState<ListState>('complaints', NO_FILTERS);
  const [q] = useDebouncedValue(f.q.trim(), 300);
  const navigate = useNavigate();
  const input = {
    ...(preset ?? {}),
    q: q || undefined,
    ...(f.status ? { status: f.status as 'registered' } : {}),
    ...(f.urgency ? { urgency: f.urgency as 'overdue', open: true } : {}),
    sort: preset || f.urgency ? ('due_asc' as const) : ('number_desc' as const),
    page: f.page,
    pageSize: PAGE_SIZE,
  };
  const list = useApi('complaints.list', input, { placeholderData: keepPreviousData });
  const data = list.data;
  const filter = (patch: Partial<ListState>) => setF((x) => ({ ...x, ...patch, page: 1 }));
  return (
    <Page title="Жалобы" actions={<ButtonLink to="/complaints/new">Зарегистрировать жалобу</ButtonLink>}>
      {preset && (
        <Group gap="xs">
          <Badge variant="light" tt="none">
            Список с панели контроля
          </Badge>
          <AnchorLink to="/complaints" search={{}} size="sm">
            Показать все жалобы
          </AnchorLink>
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput label="Поиск" placeholder="ФИО заявителя или № жалобы" value={f.q} onChange={(e) => filter({ q: e.currentTarget.value })} />
        <LabeledSelect label="Состояние" placeholder="Все" clearable data={STATUS_OPTIONS} value={f.status} onChange={(status) => filter({ status })} />
        <LabeledSelect label="Срок" placeholder="Любой" clearable data={URGENCY_OPTIONS} value={f.urgency} onChange={(urgency) => filter({ urgency })} />
      </SimpleGrid>
      {!data ? (
<Pending error={list.error} onRetry={() => void list.refetch()} />
) : (
        <>
          <Text size="sm" c="dimmed">
            Найдено жалоб: {data.total.toLocaleString('ru-RU')}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label="Жалобы">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>№</Table.Th>
                  <Table.Th>Поступила</Table.Th>
                  <Table.Th>Заявитель</Table.Th>
                  <Table.Th>Способ</Table.Th>
                  <Table.Th>Дело</Table.Th>
                  <Table.Th>Состояние</Table.Th>
                  <Table.Th>Ближайший срок</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => void navigate({ to: '/complaints/$id', params: { id: r.id } })} data-testid={`complaint-row-${r.id}`}>
                    <Table.Td>
                      <AnchorLink to="/complaints/$id" params={{ id: r.id }} fw={600} onClick={(e) => e.stopPropagation()}>
                        {r.number}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{ruDate(r.receivedDate)}</Table.Td>
                    <Table.Td>{r.applicantName}</Table.Td>
                    <Table.Td>{COMPLAINT_CHANNEL_LABELS[r.channel]}</Table.Td>
                    <Table.Td>{r.caseNumber ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.outcome ? COMPLAINT_OUTCOME_LABELS[r.outcome] : COMPLAINT_STATUS_LABELS[r.status]}</Text>
                    </Table.Td>
                    <Table.Td>{r.nextDue ? <DueBadge date={r.nextDue} urgency={r.urgency === 'later' ? null : r.urgency} label={deadlineLabel(r.nextDueKind)} size="sm" /> : '—'}</Table.Td>
                  </Table.Tr>
                ))}
                {data.rows.length === 0 && <EmptyRow cols={7}>Жалоб не найдено</EmptyRow>}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.total > PAGE_SIZE && <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={f.page} onChange={(page) => setF((x) => ({ ...x, page }))} />}
        </>
      )}
    </Page>
  );
}

// ------------------------------------------------------------------ registration

function CasePicker({ value, onChange }: { value: number | null; onChange(id: number | null): void }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useApi('cases.list', { q: q || undefined, sort: 'number_desc', page: 1, pageSize: 10 }, { enabled: q.length >= 2 || value !== null });
  const options = (found.data?.rows ?? []).map((r) => ({ value: String(r.id), label: `№ ${r.journalNumber} — ${r.applicantName}` }));
  return (
    <Select
      label="Дело, по которому подана жалоба"
      placeholder="№ дела или ФИО"
      searchable
      clearable
      nothingFoundMessage={q.length >= 2 ? 'Дел не найдено' : 'Введите № дела или ФИО'}
      data={options}
      value={value ? String(value) : null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v) => onChange(v ? Number(v) : null)}
      filter={({ options: o }) => o}
    />
  );
}

const blankComplaint = () => ({
  receivedDate: hostToday(),
  channel: '' as string,
  addressee: '',
  subjectOfficial: '',
  subjectDecision: '',
  subjects: [] as ComplaintSubject[],
  applicant: { lastName: '', firstName: '', middleName: '', residence: '', phone: '', email: '', postalAddress: '' },
  hasRepresentative: false,
  representative: { fullName: '', authorityDocument: '' },
  substance: '',
  attachments: [] as { title: string; sheets: number | '' }[],
  answerByEmail: false,
  caseId: null as number | null,
  competent: true,
  responsibleId: null as string | null,
});

export function ComplaintFormScreen() {
  const navigate = useNavigate();
  const users = useDirectory();
  const register = useApiMutation('complaints.register');
  const form = useForm({ initialValues: blankComplaint() });
  const v = form.getValues();
  const save = form.onSubmit(async (x) => {
    const c = await submitToApi(form, () =>
      register.mutateAsync({
        receivedDate: x.receivedDate,
        channel: x.channel as 'post',
        addressee: x.addressee,
        subjectOfficial: x.subjectOfficial,
        subjectDecision: x.subjectDecision,
        subjects: x.subjects,
        applicant: { ...x.applicant, middleName: x.applicant.middleName || undefined, phone: x.applicant.phone || undefined, email: x.applicant.email || undefined },
        representative: x.hasRepresentative ? x.representative : null,
        substance: x.substance,
        attachments: x.attachments.filter((a) => a.title.trim()).map((a) => ({ title: a.title, sheets: a.sheets === '' ? undefined : a.sheets })),
        answerByEmail: x.answerByEmail,
        caseId: x.caseId ?? undefined,
        competent: x.competent,
        responsibleId: x.responsibleId ? Number(x.responsibleId) : undefined,
      }),
    );
    if (!c) return;
    notifyOk(`Жалоба зарегистрирована: № ${c.number}`);
    void navigate({ to: '/complaints/$id', params: { id: c.id } });
  });
  const p = (path: string) => form.getInputProps(path);
  return (
    <Page title="Регистрация жалобы">
      <form onSubmit={save} noValidate aria-label="Жалоба">
        <Stack gap="sm">
          <Card withBorder>
            <SimpleGrid cols={3} spacing="sm">
              <RuDateInput label="Дата поступления" required value={v.receivedDate} onChange={(d) => form.setFieldValue('receivedDate', d)} error={form.errors.receivedDate} />
              <LabeledSelect label="Способ поступления" required data={CHANNEL_OPTIONS} {...p('channel')} value={v.channel || null} onChange={(c) => form.setFieldValue('channel', c ?? '')} />
              <CasePicker value={v.caseId} onChange={(id) => form.setFieldValue('caseId', id)} />
              <TextInput label="Кому адресована" required maxLength={300} {...p('addressee')} />
              <TextInput label="Учреждение, должностное лицо, чьи решения обжалуются" required maxLength={500} {...p('subjectOfficial')} />
              <LabeledSelect label="Ответственный за рассмотрение" placeholder="Не назначен" clearable data={userOptions(users.filter((u) => u.active))} {...p('responsibleId')} />
            </SimpleGrid>
            <Textarea mt="sm" label="Обжалуемые решения и действия (бездействие)" required autosize minRows={2} maxLength={2000} {...p('subjectDecision')} />
            <Checkbox.Group mt="sm" label="Предмет жалобы (п. 56)" required {...p('subjects')}>
              <Stack gap={4} mt={4}>
                {COMPLAINT_SUBJECTS.map((s) => (
                  <Checkbox key={s} value={s} label={COMPLAINT_SUBJECT_LABELS[s]} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Checkbox mt="sm" label="Рассмотрение жалобы относится к компетенции управления (иначе — направить по компетенции в 3 рабочих дня, п. 64)" {...p('competent')} checked={v.competent} />
          </Card>
          <Card withBorder>
            <Title order={5} mb="xs">
              Заявитель
            </Title>
            <SimpleGrid cols={3} spacing="sm">
              <TextInput label="Фамилия" required maxLength={100} {...p('applicant.lastName')} />
              <TextInput label="Имя" required maxLength={100} {...p('applicant.firstName')} />
              <TextInput label="Отчество" maxLength={100} {...p('applicant.middleName')} />
              <TextInput label="Место жительства" required maxLength={500} {...p('applicant.residence')} />
              <TextInput label="Почтовый адрес для ответа" required maxLength={500} {...p('applicant.postalAddress')} />
              <TextInput label="Телефон" maxLength={100} {...p('applicant.phone')} />
              <TextInput label="Электронная почта" maxLength={200} {...p('applicant.email')} />
            </SimpleGrid>
            <Checkbox mt="sm" label="Направить ответ также по электронной почте" {...p('answerByEmail')} checked={v.answerByEmail} />
            <Checkbox mt="sm" label="Жалобу подал представитель" checked={v.hasRepresentative} onChange={(e) => form.setFieldValue('hasRepresentative', e.currentTarget.checked)} />
            {v.hasRepresentative && (
              <SimpleGrid cols={2} spacing="sm" mt="xs">
                <TextInput label="ФИО представителя" required maxLength={200} {...p('representative.fullName')} />
                <TextInput label="Документ, подтверждающий полномочия" required maxLength={300} {...p('representative.authorityDocument')} />
              </SimpleGrid>
            )}
          </Card>
          <Card withBorder>
            <Textarea label="Доводы заявителя" required autosize minRows={3} maxLength={8000} {...p('substance')} />
            <Text size="sm" fw={500} mt="sm">
              Приложенные документы
            </Text>
            {v.attachments.map((_, i) => (
              <Group key={i} gap="xs" mt={4} align="flex-end">
                <TextInput label={`Документ ${i + 1}`} maxLength={300} style={{ flex: 1 }} {...p(`attachments.${i}.title`)} />
                <NumberInput label="Листов" min={1} max={999} w={100} {...p(`attachments.${i}.sheets`)} />
                <Button variant="subtle" color="red" onClick={() => form.removeListItem('attachments', i)}>
                  Убрать
                </Button>
              </Group>
            ))}
            <Button mt="xs" variant="light" size="xs" onClick={() => form.insertListItem('attachments', { title: '', sheets: '' })}>
              Добавить документ
            </Button>
          </Card>
          <Group justify="flex-end">
            <ButtonLink to="/complaints" variant="default">
              Отмена
            </ButtonLink>
            <Button type="submit" loading={register.isPending}>
              Зарегистрировать
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}

// ------------------------------------------------------------------ one complaint

function DeadlineRow({ kind, date, done, c }: { kind: ComplaintDeadlineKind; date: string | null; done: string | null; c: ComplaintView }) {
  if (!date) return null;
  const current = c.nextDueKind === kind;
  return (
    <Table.Tr data-testid={`complaint-deadline-${kind}`}>
      <Table.Td>{COMPLAINT_DEADLINE_LABELS[kind]}</Table.Td>
      <Table.Td>
        <DueBadge date={date} urgency={current && c.urgency !== 'later' ? c.urgency : null} done={!!done} size="sm" />
      </Table.Td>
      <Table.Td>{done ? `выполнено ${ruDate(done)}` : current ? 'ожидается' : ''}</Table.Td>
    </Table.Tr>
  );
}

type Action = 'forward' | 'decide' | 'remedy' | 'answer' | null;

function ActionModal({ c, action, onClose }: { c: ComplaintView; action: Action; onClose(): void }) {
  const { session } = useSession();
  const forward = useApiMutation('complaints.forward');
  const decide = useApiMutation('complaints.decide');
  const remedy = useApiMutation('complaints.recordRemedy');
  const answer = useApiMutation('complaints.recordAnswer');
  const form = useForm({
    initialValues: {
      date: hostToday(),
      forwardedTo: '',
      decisionNumber: '',
      decisionPlace: '',
      decidingBody: session.office.name,
      decidedByPosition: '',
      decidedByName: '',
      outcome: '' as string,
      ground: null as string | null,
      reasons: '',
      measures: '',
      method: c.answerByEmail ? 'post_and_email' : 'post',
      outgoingNumber: '',
    },
  });
  const v = form.getValues();
  const p = (path: string) => form.getInputProps(path);
  const run = form.onSubmit(async (x) => {
    const done = await submitToApi(form, async () => {
      if (action === 'forward') return forward.mutateAsync({ id: c.id, date: x.date, forwardedTo: x.forwardedTo });
      if (action === 'remedy') return remedy.mutateAsync({ id: c.id, date: x.date });
      if (action === 'answer') return answer.mutateAsync({ id: c.id, date: x.date, method: x.method as 'post', outgoingNumber: x.outgoingNumber });
      return decide.mutateAsync({
        id: c.id,
        decisionDate: x.date,
        decisionNumber: x.decisionNumber,
        decisionPlace: x.decisionPlace,
        decidingBody: x.decidingBody,
        decidedByPosition: x.decidedByPosition,
        decidedByName: x.decidedByName,
        outcome: x.outcome as ComplaintOutcome,
        ground: x.ground ?? undefined,
        reasons: x.reasons,
        measures: x.measures || undefined,
      });
    });
    if (done) {
      notifyOk('Сохранено');
      onClose();
    }
  });
  const grounds = v.outcome === 'refused' ? REFUSAL_GROUNDS_P72 : v.outcome === 'left_unanswered' ? UNANSWERED_GROUNDS_P73 : [];
  const titles = { forward: 'Направить по компетенции (п. 64)', decide: 'Решение по жалобе (п. 68)', remedy: 'Нарушения устранены (п. 69)', answer: 'Ответ направлен (п. 71)' };
  return (
    <Modal opened={action !== null} onClose={onClose} title={action ? titles[action] : ''} size={action === 'decide' ? 'xl' : 'md'}>
      <form onSubmit={run} noValidate>
        <Stack gap="sm">
          <RuDateInput label="Дата" required value={v.date} onChange={(d) => form.setFieldValue('date', d)} error={form.errors.date ?? form.errors.decisionDate} />
          {action === 'forward' && <TextInput label="Куда направлена" required maxLength={500} {...p('forwardedTo')} />}
          {action === 'answer' && (
            <>
              <LabeledSelect
                label="Способ направления"
                allowDeselect={false}
                data={[
                  { value: 'post', label: 'Почтой' },
                  { value: 'email', label: 'По электронной почте' },
                  { value: 'post_and_email', label: 'Почтой и по электронной почте' },
                ]}
                {...p('method')}
              />
              <TextInput label="Исходящий номер" required maxLength={60} {...p('outgoingNumber')} />
            </>
          )}
          {action === 'decide' && (
            <>
              <SimpleGrid cols={3} spacing="sm">
                <TextInput label="Номер решения" required maxLength={60} {...p('decisionNumber')} />
                <TextInput label="Место принятия" required maxLength={200} {...p('decisionPlace')} />
                <TextInput label="Орган" required maxLength={500} {...p('decidingBody')} />
                <TextInput label="Должность принявшего решение" required maxLength={200} {...p('decidedByPosition')} />
                <TextInput label="ФИО принявшего решение" required maxLength={200} {...p('decidedByName')} />
                <LabeledSelect
                  label="Решение"
                  required
                  data={Object.entries(COMPLAINT_OUTCOME_LABELS).map(([value, label]) => ({ value, label }))}
                  value={v.outcome || null}
                  error={form.errors.outcome}
                  onChange={(o) => {
                    form.setFieldValue('outcome', o ?? '');
                    form.setFieldValue('ground', null);
                  }}
                />
              </SimpleGrid>
              {grounds.length > 0 && <LabeledSelect label="Основание" required data={grounds.map((g) => ({ value: g.code, label: `${g.text} (${g.paragraph})` }))} {...p('ground')} />}
              <Textarea label="Основания принятого решения" required autosize minRows={3} maxLength={8000} {...p('reasons')} />
              {v.outcome === 'satisfied' && <Textarea label="Меры по устранению нарушений и их сроки" required autosize minRows={2} maxLength={4000} {...p('measures')} />}
            </>
          )}
          <FormActions onCancel={onClose} loading={forward.isPending || decide.isPending || remedy.isPending || answer.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

export function ComplaintScreen({ id }: { id: number }) {
  const { hasRole } = useSession();
  const q = useApi('complaints.get', { id });
  const letter = useApiMutation('complaints.answerLetter');
  const [action, setAction] = useState<Action>(null);
  const c = q.data;
  if (!c) return <Pending error={q.error} onRetry={() => void q.refetch()} />;
  const isHead = hasRole('head');
  const ap = c.applicant as Record<string, string | undefined>;
  const open = c.status === 'registered';
  return (
    <Page
      title={`Жалоба № ${c.number}`}
      actions={
        <>
          {isHead && open && c.deadlines.forwarding && (
            <Button variant="default" onClick={() => setAction('forward')}>
              Направить по компетенции
            </Button>
          )}
          {isHead && open && <Button onClick={() => setAction('decide')}>Принять решение</Button>}
          {hasRole('specialist', 'head') && c.outcome === 'satisfied' && !c.remedyDoneDate && (
            <Button variant="default" onClick={() => setAction('remedy')}>
              Нарушения устранены
            </Button>
          )}
          {c.status === 'decided' && (
            <Button variant="default" onClick={() => setAction('answer')}>
              Ответ направлен
            </Button>
          )}
          {c.decisionDate && (
            <Button variant="default" loading={letter.isPending} onClick={() => letter.mutateAsync({ id: c.id }).then(downloadFile, notifyError)}>
              Ответ заявителю (DOCX)
            </Button>
          )}
        </>
      }
    >
      <Group gap="xs">
        <Badge variant="light" tt="none" size="lg">
          {c.outcome ? COMPLAINT_OUTCOME_LABELS[c.outcome] : COMPLAINT_STATUS_LABELS[c.status]}
        </Badge>
        {c.registeredLate && (
          <Badge color="red" variant="light" tt="none">
            Зарегистрирована с нарушением срока (п. 67)
          </Badge>
        )}
      </Group>
      {c.violations.length > 0 && (
        <Alert color="red" variant="light" title="Нарушены сроки">
          {c.violations.join('; ')}
        </Alert>
      )}
      <SimpleGrid cols={2} spacing="sm">
        <Card withBorder>
          <Title order={5} mb="xs">
            Сроки
          </Title>
          <Table verticalSpacing={4} fz="sm" data-testid="complaint-deadlines">
            <Table.Tbody>
              <DeadlineRow kind="registration" date={c.deadlines.registration} done={c.registeredAt} c={c} />
              <DeadlineRow kind="forwarding" date={c.deadlines.forwarding} done={c.forwardedDate} c={c} />
              <DeadlineRow kind="decision" date={c.deadlines.decision} done={c.decisionDate} c={c} />
              <DeadlineRow kind="remedy" date={c.deadlines.remedy} done={c.remedyDoneDate} c={c} />
              <DeadlineRow kind="answer" date={c.deadlines.answer} done={c.answerDate} c={c} />
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">
            Жалоба
          </Title>
          <Stack gap={4}>
            <Text size="sm">
              Поступила {ruDate(c.receivedDate)}, {COMPLAINT_CHANNEL_LABELS[c.channel]}; зарегистрирована {ruDateTime(c.registeredAt)} ({c.registeredByName})
            </Text>
            <Text size="sm">Кому: {c.addressee}</Text>
            <Text size="sm">Обжалуется: {c.subjectOfficial}</Text>
            <Text size="sm">{c.subjectDecision}</Text>
            <Text size="sm">Предмет: {c.subjects.map((s) => COMPLAINT_SUBJECT_LABELS[s]).join('; ')}</Text>
            {c.caseId && (
              <Text size="sm">
                Дело:{' '}
                <AnchorLink to="/cases/$id" params={{ id: c.caseId }}>
                  № {c.caseNumber}
                </AnchorLink>
              </Text>
            )}
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">
            Заявитель
          </Title>
          <Text size="sm">{[ap.lastName, ap.firstName, ap.middleName].filter(Boolean).join(' ')}</Text>
          <Text size="sm">Место жительства: {ap.residence}</Text>
          <Text size="sm">Адрес для ответа: {ap.postalAddress}</Text>
          {(ap.phone || ap.email) && <Text size="sm">{[ap.phone, ap.email].filter(Boolean).join(', ')}</Text>}
          {c.representative && (
            <Text size="sm">
              Представитель: {String(c.representative.fullName ?? '')} ({String(c.representative.authorityDocument ?? '')})
            </Text>
          )}
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">
            Доводы и документы
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.substance}
          </Text>
          {c.attachments.map((a, i) => (
            <Text size="sm" key={i}>
              {i + 1}. {a.title}
              {a.sheets ? `, листов: ${a.sheets}` : ''}
            </Text>
          ))}
        </Card>
        {c.decisionDate && (
          <Card withBorder>
            <Title order={5} mb="xs">
              Решение
            </Title>
            <Text size="sm">
              № {c.decisionNumber} от {ruDate(c.decisionDate)}, {c.decidedByPosition} {c.decidedByName}
            </Text>
            {c.outcomeGround && <Text size="sm">Основание: {complaintGround(c.outcomeGround)?.text}</Text>}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.decisionReasons}
            </Text>
            {c.measures && <Text size="sm">Меры: {c.measures}</Text>}
            {c.answerDate && (
              <Text size="sm">
                Ответ направлен {ruDate(c.answerDate)}, исх. № {c.answerNumber}
              </Text>
            )}
          </Card>
        )}
        {c.forwardedTo && (
          <Card withBorder>
            <Text size="sm">
              Направлена по компетенции {ruDate(c.forwardedDate)}: {c.forwardedTo}
            </Text>
          </Card>
        )}
      </SimpleGrid>
      <ActionModal key={action ?? 'none'} c={c} action={action} onClose={() => setAction(null)} />
    </Page>
  );
}
