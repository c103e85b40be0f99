/**
 * «Решение» (p.46): the specialist drafts the individual programme (ИППСУ,
 * 874н Appendix 2) or the refusal (grounds of p.31 with the motivated
 * text); the draft prints marked «ПРОЕКТ»; the head signs it, which freezes
 * the document with its outgoing number and SHA-256. A signed result
 * changed is saved as a new version. The versions are listed with what was
 * signed, by whom and when.
 */
import {
  Alert,
  Autocomplete,
  Badge,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  Input,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
  ActionIcon,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Appendix4Act, SERVICE_TYPES as ACT_SERVICE_TABLES } from '../../../core/api/acts';
import type { Out } from '../../../core/api/contract';
import {
  FIRST_OR_REPEAT,
  FIRST_OR_REPEAT_LABELS,
  PAYMENT_LABELS,
  PAYMENTS,
  SERVICE_FORM_LABELS,
  SERVICE_FORMS,
  SERVICE_TYPE_NAMES,
  SERVICE_TYPE_ROMAN,
  SERVICE_TYPES,
  type ServiceForm,
} from '../../../core/api/decision';
import type { DecisionView } from '../../../core/api/processing';
import type { CaseView } from '../../../core/api/reception';
import { isClosed } from '../../../core/domain/case-states';
import { parseRuDate } from '../../../core/domain/dates';
import { REFUSAL_GROUNDS } from '../../../core/domain/refusal-grounds';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { apiQuery, useApi, useApiMutation } from '../data/queries';
import { useSession } from '../session';
import { downloadFile } from '../ui/download';
import { ippsuTermError } from '../../../core/domain/ippsu-term';
import { ReturnForRevision, SignoffNote, SubmitForSigning } from '../control/SignoffControls';
import { DueBadge } from '../ui/DueBadge';
import { notifyError, notifyOk, submitToApi } from '../ui/forms';
import { RuDateInput } from '../ui/RuDateInput';
import { useUnsavedChanges } from '../ui/unsaved';
import { ruDate, ruDateTime } from '../format';
import { Guarded } from '../ui/Guarded';
import { Choice, DateField, READ_ONLY_CLASS, RowsTable, type FormApi } from '../ui/form-fields';
import { ACT_TABLE_TYPE, ServiceTable, useServices } from './ServiceTable';
import { dueUrgency, useWorkCalendar } from '../data/calendar';
import { hostToday } from '../clock';

// ------------------------------------------------------------------ values

type ServiceRowValue = { type: number; serviceCode: string; name: string; volume: string; periodicity: string; term: string };
type ProviderRowValue = { name: string; address: string; contacts: string };
type MeasureRowValue = { kind: string; recipient: string };

type DecisionValues = {
  kind: 'ippsu' | 'refusal';
  ippsu: {
    date: string;
    firstOrRepeat: string;
    termUntil: string;
    form: string;
    services: ServiceRowValue[];
    providers: ProviderRowValue[];
    payment: string;
    supportMeasures: MeasureRowValue[];
    conditions: string;
  };
  refusal: { grounds: string[]; motivatedText: string; date: string };
};

const s = (v: unknown): string => (typeof v === 'string' ? v : '');
const arr = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);

function emptyValues(): DecisionValues {
  return {
    kind: 'ippsu',
    ippsu: { date: hostToday(), firstOrRepeat: '', termUntil: '', form: '', services: [], providers: [], payment: '', supportMeasures: [], conditions: '' },
    refusal: { grounds: [], motivatedText: '', date: hostToday() },
  };
}

function valuesOf(d: DecisionView | undefined): DecisionValues {
  const v = emptyValues();
  if (!d) return v;
  v.kind = d.kind;
  const x = d.data;
  if (d.kind === 'ippsu') {
    v.ippsu = {
      date: s(x.date) || v.ippsu.date,
      firstOrRepeat: s(x.firstOrRepeat),
      termUntil: s(x.termUntil),
      form: s(x.form),
      services: arr(x.services).map((r) => ({
        type: Number(r.type) || 1,
        serviceCode: s(r.serviceCode),
        name: s(r.name),
        volume: s(r.volume),
        periodicity: s(r.periodicity),
        term: s(r.term),
      })),
      providers: arr(x.providers).map((r) => ({ name: s(r.name), address: s(r.address), contacts: s(r.contacts) })),
      payment: s(x.payment),
      supportMeasures: arr(x.supportMeasures).map((r) => ({ kind: s(r.kind), recipient: s(r.recipient) })),
      conditions: s(x.conditions),
    };
  } else {
    v.refusal = {
      grounds: Array.isArray(x.grounds) ? (x.grounds as string[]) : [],
      motivatedText: s(x.motivatedText),
      date: s(x.date) || v.refusal.date,
    };
  }
  return v;
}

const blankRow = (r: Record<string, unknown>, ignore: string[] = []) =>
  Object.entries(r).every(([k, v]) => ignore.includes(k) || v === '' || v === undefined || v === null);

// ------------------------------------------------------------------ from the Appendix 4 act

const ACT_FORM_TO_IPPSU: Record<string, ServiceForm> = {
  home: 'home',
  semi_stationary: 'semi-stationary',
  stationary: 'stationary',
  stationary_special: 'stationary',
};

/** A date written in the act's free-text term («до 31.12.2027») as ISO, or ''. */
function dateIn(text: unknown): string {
  const m = /(\d{2}\.\d{2}\.\d{4})/.exec(s(text));
  return m ? (parseRuDate(m[1]) ?? '') : '';
}

/** What the ИППСУ takes from the saved Appendix 4 act (read through the act's schema). */
function fromAppendix4(saved: Record<string, unknown>, subservice: string) {
  const parsed = Appendix4Act.safeParse(saved);
  const act: Appendix4Act = parsed.success ? parsed.data : {};
  const services: ServiceRowValue[] = ACT_SERVICE_TABLES.flatMap((t) =>
    (act.services?.[t] ?? []).map((r) => ({
      type: ACT_TABLE_TYPE[t],
      serviceCode: s(r.code),
      name: s(r.name),
      volume: s(r.volume),
      periodicity: s(r.frequency),
      term: s(r.term),
    })),
  );
  const actForms = act.serviceForms ?? [];
  const candidates = actForms.map((f) => ACT_FORM_TO_IPPSU[f]).filter(Boolean);
  const form = candidates.find((f) => f === subservice) ?? candidates[0] ?? '';
  const d = act.duration ?? {};
  const termText = form === 'home' ? d.homeUntil : form === 'semi-stationary' ? d.semiUntil : actForms.includes('stationary') ? d.stationaryUntil : d.specialUntil;
  const payment = act.paymentConditions ?? '';
  const measures: MeasureRowValue[] = act.escort === 'needed' ? (act.escortKinds ?? []).map((k) => ({ kind: k, recipient: '' })) : [];
  return { services, form, payment, termUntil: dateIn(termText), measures };
}

// ------------------------------------------------------------------ versions

const STATUS_LABEL: Record<DecisionView['status'], { label: string; color: string }> = {
  draft: { label: 'проект', color: 'yellow' },
  signed: { label: 'подписан', color: 'green' },
  superseded: { label: 'заменён', color: 'gray' },
};

async function sha256Hex(base64: string): Promise<string | null> {
  try {
    const bin = atob(base64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const digest = await crypto.subtle.digest('SHA-256', bytes);
    return [...new Uint8Array(digest)].map((x) => x.toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}

function Versions({ decisions }: { decisions: DecisionView[] }) {
  const [printing, setPrinting] = useState<number | null>(null);
  const printDecision = useApiMutation('decisions.print');
  const print = async (d: DecisionView) => {
    setPrinting(d.id);
    try {
      const f = await printDecision.mutateAsync({ decisionId: d.id });
      downloadFile(f);
      if (f.sha256) {
        const actual = await sha256Hex(f.base64);
        if (actual && actual !== f.sha256) {
          notifications.show({ color: 'red', title: 'Файл не совпадает с подписанным', message: `SHA-256 файла ${actual} отличается от подписанного ${f.sha256}`, autoClose: false });
        } else notifyOk(`Напечатан подписанный документ, версия ${d.version}: файл совпадает с подписанным (SHA-256)`);
      }
    } catch (e) {
      notifyError(e);
    } finally {
      setPrinting(null);
    }
  };
  return (
    <Table.ScrollContainer minWidth={950}>
      <Table verticalSpacing="xs" striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>Версия</Table.Th>
            <Table.Th>Документ</Table.Th>
            <Table.Th w={120}>Статус</Table.Th>
            <Table.Th w={100}>Исх. №</Table.Th>
            <Table.Th>Подготовил</Table.Th>
            <Table.Th>Подписал</Table.Th>
            <Table.Th w={130}>SHA-256</Table.Th>
            <Table.Th w={90} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {decisions.map((d) => (
            <Table.Tr key={d.id} data-testid={`decision-${d.version}`} data-status={d.status}>
              <Table.Td>{d.version}</Table.Td>
              <Table.Td>{d.kind === 'ippsu' ? 'ИППСУ' : 'Уведомление об отказе'}</Table.Td>
              <Table.Td>
                <Badge tt="none" variant="light" color={STATUS_LABEL[d.status].color} style={{ maxWidth: 'none' }} styles={{ label: { overflow: 'visible' } }}>
                  {STATUS_LABEL[d.status].label}
                </Badge>
              </Table.Td>
              <Table.Td>{d.outgoingNumber ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm">{d.createdByName}</Text>
                <Text size="xs" c="dimmed">
                  {ruDateTime(d.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                {d.signedAt ? (
                  <>
                    <Text size="sm">{d.signedByName}</Text>
                    <Text size="xs" c="dimmed">
                      {ruDateTime(d.signedAt)}
                    </Text>
                  </>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                {d.sha256 ? (
                  <Tooltip label={d.sha256} multiline w={300} events={{ hover: true, focus: true, touch: true }} withArrow>
                    <Text size="xs" ff="monospace" tabIndex={0} aria-label={`SHA-256: ${d.sha256}`} style={{ cursor: 'help' }}>
                      {d.sha256.slice(0, 12)}…
                    </Text>
                  </Tooltip>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" loading={printing === d.id} onClick={() => print(d)}>
                  Печать
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

// ------------------------------------------------------------------ the tab

const NO_PROVIDERS: Out<'providers.list'> = [];

/**
 * The decision of the case. A form with nothing unsaved follows the latest
 * version as saved (a save or a signature at another desk shows at once);
 * one being edited keeps what is typed and saves against the version it
 * was loaded from.
 */
export function DecisionTab({ c }: { c: CaseView }) {
  const latest = c.decisions[0] as DecisionView | undefined;
  const at = latest ? `${latest.id}:${latest.rev}` : '';
  const [dirty, setDirty] = useState(false);
  const [shown, setShown] = useState(at);
  if (!dirty && shown !== at) setShown(at);
  return <DecisionEditor key={shown} c={c} onDirty={setDirty} />;
}

function DecisionEditor({ c, onDirty }: { c: CaseView; onDirty(dirty: boolean): void }) {
  const { hasRole } = useSession();
  const qc = useQueryClient();
  const catalogue = useServices();
  const cal = useWorkCalendar();
  const providers = useApi('providers.list', {}).data ?? NO_PROVIDERS;
  const saveDecision = useApiMutation('decisions.save');
  const printDecision = useApiMutation('decisions.print');
  const signDecision = useApiMutation('decisions.sign');

  const latest = c.decisions[0] as DecisionView | undefined;
  const draft = latest?.status === 'draft' ? latest : undefined;
  const signed = c.decisions.find((d) => d.status === 'signed');
  const act4 = c.acts.find((a) => a.form === 'appendix4');

  // The draft this form edits, as it was when the form was loaded (none: a new draft).
  const [base] = useState(() => ({ decisionId: draft?.id ?? null, rev: draft?.rev ?? 0 }));
  const form = useForm<DecisionValues>({ initialValues: valuesOf(latest) });
  // «Изменить» on a signed result opens a new version of that one (while the case stays signed).
  const [unlockedFor, setUnlockedFor] = useState<number | null>(null);
  const unlocked = c.status === 'signed' && latest !== undefined && unlockedFor === latest.id;
  // What the head is asked to sign: the draft as shown when the dialog opened.
  const [confirmSign, setConfirmSign] = useState<{ decisionId: number; rev: number } | null>(null);
  const [confirmFill, setConfirmFill] = useState(false);

  const isSpecialist = hasRole('specialist');
  const isHead = hasRole('head');
  const lockReason =
    c.status === 'issued'
      ? 'Результат выдан: решение не изменяется.'
      : isClosed(c.status)
        ? 'Дело закрыто.'
        : c.status === 'registered' || c.status === 'requests_sent'
          ? 'Решение готовится после того, как документы собраны (вкладка «Акты», кнопка «Документы собраны»).'
          : c.status === 'awaiting_signature'
            ? 'Проект на подписи у руководителя: изменить его можно после возврата на доработку.'
            : c.status === 'signed' && !unlocked
            ? isSpecialist
              ? 'Решение подписано. Чтобы внести изменения, нажмите «Изменить»: изменения сохранятся как новая версия.'
              : 'Решение подписано.'
            : !isSpecialist
              ? 'Проект решения готовит специалист (роль «Специалист»).'
              : null;

  const v = form.getValues();
  const dirty = form.isDirty();
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  useUnsavedChanges(dirty);

  /** Drops what was typed and shows the latest version as saved. */
  const takeSaved = async () => {
    const fresh = await qc.fetchQuery({ ...apiQuery('cases.get', { id: c.id }), staleTime: 0 });
    const nv = valuesOf(fresh.decisions[0]);
    form.setValues(nv);
    form.resetDirty(nv);
  };
  const onStale = { reload: () => void takeSaved() };

  const save = form.onSubmit(async (values) => {
    if (lockReason) return;
    let next: CaseView | undefined;
    if (values.kind === 'ippsu') {
      // Rows left entirely empty are dropped (and from the form, so that error paths match the rows shown).
      const services = values.ippsu.services.filter((r) => !blankRow(r, ['type']));
      const providersRows = values.ippsu.providers.filter((r) => !blankRow(r));
      const measures = values.ippsu.supportMeasures.filter((r) => !blankRow(r));
      form.setFieldValue('ippsu.services', services);
      form.setFieldValue('ippsu.providers', providersRows);
      form.setFieldValue('ippsu.supportMeasures', measures);
      const i = values.ippsu;
      next = await submitToApi(
        form,
        () =>
        saveDecision.mutateAsync({
          caseId: c.id,
          ...base,
          kind: 'ippsu',
          ippsu: {
            date: i.date,
            firstOrRepeat: i.firstOrRepeat as 'first',
            termUntil: i.termUntil,
            form: i.form as ServiceForm,
            services: services.map((r) => ({ ...r, serviceCode: r.serviceCode || undefined })),
            providers: providersRows,
            payment: i.payment as 'free',
            supportMeasures: measures.map((m) => ({ kind: m.kind, recipient: m.recipient || undefined })),
            conditions: i.conditions || undefined,
          },
        }),
        onStale,
      );
    } else {
      next = await submitToApi(
        form,
        () =>
          saveDecision.mutateAsync({
            caseId: c.id,
            ...base,
            kind: 'refusal',
            refusal: { grounds: values.refusal.grounds as ['art15-mismatch'], motivatedText: values.refusal.motivatedText, date: values.refusal.date },
          }),
        onStale,
      );
    }
    if (!next) return;
    const nv = valuesOf(next.decisions[0]);
    form.setValues(nv);
    form.resetDirty(nv);
    setUnlockedFor(null);
    notifyOk(`Проект сохранён (версия ${next.decisions[0]?.version ?? ''})`);
  });

  const fill = () => {
    if (!act4) return;
    const x = fromAppendix4(act4.act, c.subservice);
    form.setFieldValue('ippsu.services', x.services);
    if (x.form) form.setFieldValue('ippsu.form', x.form);
    if (x.payment) form.setFieldValue('ippsu.payment', x.payment);
    if (x.termUntil && !form.getValues().ippsu.termUntil) form.setFieldValue('ippsu.termUntil', x.termUntil);
    if (x.measures.length && form.getValues().ippsu.supportMeasures.length === 0) form.setFieldValue('ippsu.supportMeasures', x.measures);
    setConfirmFill(false);
    notifyOk(`Из акта оценки перенесено услуг: ${x.services.length}`);
  };

  const printDraft = () => {
    if (draft) printDecision.mutateAsync({ decisionId: draft.id }).then(downloadFile, notifyError);
  };

  const sign = async () => {
    if (!confirmSign) return;
    try {
      const next = await signDecision.mutateAsync(confirmSign);
      setConfirmSign(null);
      const d = next.decisions.find((x: DecisionView) => x.id === confirmSign.decisionId);
      notifyOk(`Подписано: исх. № ${d?.outgoingNumber ?? ''}`);
    } catch (e) {
      setConfirmSign(null);
      notifyError(e);
    }
  };

  const printReason = !draft ? 'Сначала сохраните проект' : dirty ? 'Сохраните изменения: печатается сохранённый проект' : null;
  const signReason = !draft
    ? 'Нет проекта для подписания'
    : c.status !== 'decision_drafted' && c.status !== 'awaiting_signature'
      ? 'Подписать можно подготовленное решение.'
      : dirty
        ? 'Сохраните изменения перед подписанием'
        : null;
  const fillReason = !act4 ? 'В деле нет акта оценки потребности (приложение 4)' : null;
  const decided = c.status === 'signed' || c.status === 'issued';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Срок принятия решения (п. 46):
          </Text>
          <DueBadge date={c.deadlines.decision} done={decided || isClosed(c.status)} urgency={decided ? null : dueUrgency(cal, c.deadlines.decision)} />
        </Group>
        {signed && (
          <Text size="sm">
            Действующий результат: {signed.kind === 'ippsu' ? 'ИППСУ' : 'уведомление об отказе'}, исх. № {signed.outgoingNumber} от {ruDate(signed.signedAt)}
          </Text>
        )}
      </Group>

      {c.decisions.length > 0 && (
        <Card withBorder>
          <Title order={5} mb="xs">
            Версии
          </Title>
          <Versions decisions={c.decisions} />
        </Card>
      )}

      <Card withBorder>
        <Stack gap="md">
          <Group justify="space-between" gap="xs">
            <Title order={5}>
              {draft
                ? `Проект, версия ${draft.version}`
                : unlocked
                  ? 'Новая версия (изменение подписанного решения)'
                  : latest
                    ? `Подписано: версия ${latest.version}, исх. № ${latest.outgoingNumber ?? '—'}`
                    : 'Проект решения'}
            </Title>
            <Group gap="xs">
              {dirty && (
                <Badge tt="none" variant="outline" color="orange">
                  Есть несохранённые изменения
                </Badge>
              )}
              {c.status === 'signed' && isSpecialist && !unlocked && (
                <Button variant="light" onClick={() => setUnlockedFor(latest?.id ?? null)}>
                  Изменить
                </Button>
              )}
              {isSpecialist && (
                <Guarded type="submit" form="decision-form" reason={lockReason} loading={saveDecision.isPending}>
                  Сохранить проект
                </Guarded>
              )}
              {(draft || (isSpecialist && !lockReason)) && (
                <Guarded variant="default" reason={printReason} loading={printDecision.isPending} onClick={printDraft}>
                  Печать проекта
                </Guarded>
              )}
              {draft && isSpecialist && <SubmitForSigning c={c} dirty={dirty} />}
              {draft && isHead && c.status === 'awaiting_signature' && <ReturnForRevision c={c} />}
              {draft &&
                (isHead ? (
                  <Guarded color="green" reason={signReason} onClick={() => draft && setConfirmSign({ decisionId: draft.id, rev: draft.rev })}>
                    Подписать
                  </Guarded>
                ) : (
                  <Text size="sm" c="dimmed" data-testid="sign-note">
                    Подписывает руководитель
                  </Text>
                ))}
            </Group>
          </Group>
          <SignoffNote c={c} />
          {lockReason && (
            <Text size="sm" c="dimmed">
              {lockReason}
            </Text>
          )}
          {unlocked && (
            <Alert color="blue" variant="light">
              Изменения подписанного решения сохраняются как новая версия. Подписанная версия остаётся действующей, пока руководитель не подпишет новую.
            </Alert>
          )}

          <form id="decision-form" onSubmit={save} noValidate aria-label="Проект решения">
            <Fieldset variant="unstyled" disabled={!!lockReason} p={0} className={lockReason ? READ_ONLY_CLASS : undefined}>
              <Stack gap="md">
                <SegmentedControl
                  aria-label="Решение"
                  fullWidth
                  size="md"
                  value={v.kind}
                  onChange={(k) => form.setFieldValue('kind', k as DecisionValues['kind'])}
                  disabled={!!lockReason}
                  data={[
                    { value: 'ippsu', label: 'Признать нуждающимся (ИППСУ)' },
                    { value: 'refusal', label: 'Отказать' },
                  ]}
                />
                {v.kind === 'ippsu' ? (
                  <IppsuForm
                    form={form}
                    v={v}
                    catalogue={catalogue}
                    providers={providers}
                    number={draft || unlocked || !latest ? null : (latest.outgoingNumber ?? null)}
                    fillButton={
                      lockReason ? null : (
                        <Guarded variant="light" reason={fillReason} onClick={() => (v.ippsu.services.length ? setConfirmFill(true) : fill())}>
                          Заполнить из акта (приложение 4)
                        </Guarded>
                      )
                    }
                  />
                ) : (
                  <RefusalForm form={form} v={v} />
                )}
              </Stack>
            </Fieldset>
          </form>
        </Stack>
      </Card>

      <Modal opened={confirmSign !== null} onClose={() => setConfirmSign(null)} title="Подписать решение" size="md">
        <Stack>
          <Text size="sm">
            {draft?.kind === 'refusal' ? 'Уведомление об отказе' : 'ИППСУ'}, версия {draft?.version}. После подписания документ нельзя изменить: изменения создают новую версию.
          </Text>
          <Text size="sm" c="dimmed">
            При подписании присваивается исходящий номер, документ сохраняется вместе с его SHA-256.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmSign(null)} data-autofocus>
              Отмена
            </Button>
            <Button color="green" loading={signDecision.isPending} onClick={sign}>
              Подписать
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={confirmFill} onClose={() => setConfirmFill(false)} title="Заполнить из акта оценки" size="md">
        <Stack>
          <Text size="sm">Услуги проекта будут заменены услугами из акта оценки (приложение 4); форма обслуживания и условия оплаты — взяты из акта.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmFill(false)} data-autofocus>
              Отмена
            </Button>
            <Button onClick={fill}>Заменить</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

// ------------------------------------------------------------------ ИППСУ

function IppsuForm({
  form,
  v,
  catalogue,
  providers,
  number,
  fillButton,
}: {
  form: FormApi;
  v: DecisionValues;
  catalogue: ReturnType<typeof useServices>;
  providers: Out<'providers.list'>;
  number: string | null;
  fillButton: ReactNode;
}) {
  const services = v.ippsu.services;
  const formProviders = useMemo(
    () => providers.filter((p) => p.active && (!v.ippsu.form || p.forms.includes(v.ippsu.form))),
    [providers, v.ippsu.form],
  );
  const providerNames = useMemo(() => [...new Set(formProviders.map((p) => p.name))], [formProviders]);
  return (
    <Stack gap="md">
      <Fieldset legend="Индивидуальная программа предоставления социальных услуг">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <Input.Wrapper label="Номер">
              <Text size="sm" pt={8} c={number ? undefined : 'dimmed'} fs={number ? undefined : 'italic'} data-testid="ippsu-number">
                {number ?? 'присваивается при подписании'}
              </Text>
            </Input.Wrapper>
            <DateField form={form} path="ippsu.date" label="Дата составления" required />
            <RuDateInput
              label="На срок до"
              required
              description="Не более трёх лет с даты составления"
              value={v.ippsu.termUntil}
              onChange={(iso) => form.setFieldValue('ippsu.termUntil', iso)}
              // 874н item 8: refused at once, not only when saved.
              error={form.errors['ippsu.termUntil'] ?? ippsuTermError(v.ippsu.date, v.ippsu.termUntil) ?? undefined}
            />
          </SimpleGrid>
          <Choice form={form} path="ippsu.firstOrRepeat" label="Программа составлена" codes={FIRST_OR_REPEAT} labels={FIRST_OR_REPEAT_LABELS} />
          <Choice form={form} path="ippsu.form" label="Форма социального обслуживания" codes={SERVICE_FORMS} labels={SERVICE_FORM_LABELS} />
        </Stack>
      </Fieldset>

      <Fieldset legend="Виды, объем, периодичность, сроки предоставления социальных услуг">
        <Stack gap="md">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Услуга выбирается из перечня своего вида или вводится вручную.
            </Text>
            {fillButton}
          </Group>
          {SERVICE_TYPES.map((t) => {
            const indexes = services.map((r, i) => (r.type === t ? i : -1)).filter((i) => i >= 0);
            return (
              <ServiceTable
                key={t}
                form={form}
                path="ippsu.services"
                indexes={indexes}
                rowCount={services.length}
                keys={{ code: 'serviceCode', frequency: 'periodicity' }}
                catalogue={catalogue.filter((x) => x.type === t)}
                caption={`${SERVICE_TYPE_ROMAN[t]}. ${SERVICE_TYPE_NAMES[t]}`}
                nameColumn="Наименование социальной услуги"
                onAdd={() => form.insertListItem('ippsu.services', { type: t, serviceCode: '', name: '', volume: '', periodicity: '', term: '' })}
                testId={`ippsu-services-${t}`}
              />
            );
          })}
          {typeof form.errors['ippsu.services'] === 'string' && (
            <Text size="sm" c="red">
              {form.errors['ippsu.services']}
            </Text>
          )}
        </Stack>
      </Fieldset>

      <Fieldset legend="Условия">
        <Stack gap="sm">
          <Choice form={form} path="ippsu.payment" label="Условия оплаты социальных услуг" codes={PAYMENTS} labels={PAYMENT_LABELS} />
          <Textarea label="Условия предоставления социальных услуг (п. 11)" autosize minRows={2} maxRows={8} {...form.getInputProps('ippsu.conditions')} />
        </Stack>
      </Fieldset>

      <Fieldset legend="Рекомендуемые поставщики социальных услуг">
        <Stack gap={6}>
          {v.ippsu.providers.map((row, i) => {
            const p = `ippsu.providers.${i}`;
            return (
              <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
                <Text size="sm" w={20} pt={6}>
                  {i + 1}.
                </Text>
                <Autocomplete
                  style={{ flex: 3 }}
                  label={i === 0 ? 'Наименование поставщика' : undefined}
                  aria-label={`Поставщик ${i + 1}: наименование`}
                  placeholder="Выберите из реестра или введите"
                  data={providerNames}
                  value={row.name}
                  onChange={(name) => {
                    form.setFieldValue(`${p}.name`, name);
                    const hit = providers.find((x) => x.name === name);
                    if (hit) {
                      form.setFieldValue(`${p}.address`, hit.address);
                      form.setFieldValue(`${p}.contacts`, [hit.phone, hit.email].filter(Boolean).join(', '));
                    }
                  }}
                  error={form.errors[`${p}.name`]}
                />
                <TextInput style={{ flex: 2 }} label={i === 0 ? 'Адрес' : undefined} aria-label={`Поставщик ${i + 1}: адрес`} {...form.getInputProps(`${p}.address`)} />
                <TextInput style={{ flex: 1 }} label={i === 0 ? 'Контакты' : undefined} aria-label={`Поставщик ${i + 1}: контакты`} {...form.getInputProps(`${p}.contacts`)} />
                <ActionIcon className="sd-edit-only" mt={i === 0 ? 28 : 4} variant="subtle" color="red" aria-label={`Поставщик ${i + 1}: удалить`} title="Удалить" onClick={() => form.removeListItem('ippsu.providers', i)}>
                  ×
                </ActionIcon>
              </Group>
            );
          })}
          <Group className="sd-edit-only">
            <Button size="xs" variant="light" onClick={() => form.insertListItem('ippsu.providers', { name: '', address: '', contacts: '' })}>
              Добавить поставщика
            </Button>
            {providers.length === 0 && (
              <Text size="xs" c="dimmed">
                Реестр поставщиков пуст: введите вручную или попросите администратора заполнить «Услуги и поставщики».
              </Text>
            )}
          </Group>
        </Stack>
      </Fieldset>

      <Fieldset legend="Мероприятия по социальному сопровождению">
        <RowsTable
          form={form}
          path="ippsu.supportMeasures"
          what="Сопровождение"
          row={{ kind: '', recipient: '' }}
          max={30}
          addLabel="Добавить мероприятие"
          minWidth={600}
          columns={[
            { key: 'kind', title: 'Вид социального сопровождения', kind: 'area' },
            { key: 'recipient', title: 'Организация, оказывающая содействие' },
          ]}
        />
      </Fieldset>
    </Stack>
  );
}

// ------------------------------------------------------------------ refusal

function RefusalForm({ form, v }: { form: FormApi; v: DecisionValues }) {
  const grounds = v.refusal.grounds;
  return (
    <Fieldset legend="Уведомление об отказе в предоставлении социального обслуживания">
      <Stack gap="sm">
        <Checkbox.Group
          label="Основания отказа (п. 31 регламента)"
          required
          value={grounds}
          onChange={(g) => form.setFieldValue('refusal.grounds', g)}
          error={form.errors['refusal.grounds']}
        >
          <Stack gap={8} mt={6}>
            {REFUSAL_GROUNDS.map((g) => (
              <Checkbox key={g.code} value={g.code} label={g.text} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea
          label="Мотивированное обоснование отказа"
          description="Какие обстоятельства дела ведут к выбранным основаниям"
          required
          autosize
          minRows={4}
          maxRows={14}
          {...form.getInputProps('refusal.motivatedText')}
        />
        <DateField form={form} path="refusal.date" label="Дата" required w={200} />
      </Stack>
    </Fieldset>
  );
}
