/**
 * The intake of an application (#/intake, p.36 and p.43–44): the
 * application, the applicant (matched against the persons already known),
 * the representative, the circumstances, and the document checklist the
 * regulation gives for them, computed here with the same function the
 * backend uses. Registration assigns the journal number; the receipt is
 * printed right away. The unfinished form is kept as a draft.
 *
 * Keyboard: the Tab order follows the form; Enter in a text field moves to
 * the next field and never registers; Ctrl+Enter registers.
 */
import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Checkbox,
  Fieldset,
  Group,
  Kbd,
  List,
  Loader,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Spoiler,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { schemaResolver, useForm, type FormErrors, type UseFormReturnType } from '@mantine/form';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import {
  AUTHORITIES,
  AUTHORITY_LABELS,
  CITIZENSHIP_LABELS,
  CITIZENSHIPS,
  ID_DOC_KINDS,
  ID_DOC_LABELS,
  receivedAtError,
  RegisterInput,
  SEX_LABELS,
  SEXES,
  type CaseView,
  type DocumentMark,
  type PersonWithCases,
} from '../../../core/api/reception';
import { pathOf, validationText } from '../../../core/api/validation-text';
import {
  buildChecklist,
  INCOME_EXEMPTIONS,
  isIncomeExempt,
  LGOTA_CATEGORIES,
  minorsRequireLegalRepresentative,
  SUBSERVICE_CODES,
  SUBSERVICE_PARAGRAPH,
  hasIncomeDocuments,
  type ChecklistItem,
  type IncomeExemptionCode,
  type SubserviceCode,
} from '../../../core/domain/checklists';
import { formatRuDateTime, isIsoDate } from '../../../core/domain/dates';
import { CHANNEL_LABELS, CHANNELS, type Channel } from '../../../core/domain/deadlines';
import { formatSnils, normalizeSnils, snilsError } from '../../../core/domain/snils';
import { useNavigate } from '@tanstack/react-router';
import { ApiError, errorMessage } from '../api';
import { useDraftAutosave } from '../data/drafts';
import { onReconnect } from '../data/live';
import { useApi, useApiMutation } from '../data/queries';
import { useSession } from '../session';
import { downloadFile } from '../ui/download';
import { APPLICATION_159N } from '../../../core/domain/application-159n';
import { DueBadge } from '../ui/DueBadge';
import { ErrorState } from '../ui/ErrorState';
import { notifyError } from '../ui/forms';
import { FastTextarea, FastTextInput } from '../ui/fast-text';
import { FORM_SECTIONS_CLASS } from '../ui/sections';
import { Part } from '../ui/Part';
import { Page } from '../ui/Page';
import { RuDateInput } from '../ui/RuDateInput';
import { AnchorLink, ButtonLink } from '../ui/links';
import { useUnsavedChanges } from '../ui/unsaved';
import { ageAt, ruDate, ruDateTime, snilsText, subserviceShort } from '../format';
import { LabeledSelect, StatusBadge, useRefItems } from '../ui/cases';
import { emptyPersonAddress, PersonAddressFields, personAddressInput, personAddressValues, type PersonAddressValues } from '../ui/person';
import { hostDateTime, hostNow, hostToday } from '../clock';

// ------------------------------------------------------------------ form values

type Sex = (typeof SEXES)[number];
type Citizenship = (typeof CITIZENSHIPS)[number];
type IdDocKind = (typeof ID_DOC_KINDS)[number];
type Authority = (typeof AUTHORITIES)[number];
type DocState = 'received' | 'not_provided' | 'to_request';

interface Mark {
  state: DocState;
  form: '' | 'original' | 'copy';
  sheets: number | string;
}

interface IdDocValues {
  kind: IdDocKind | '';
  series: string;
  number: string;
  issuer: string;
  issueDate: string;
}

interface IntakeValues {
  subservice: SubserviceCode | '';
  channel: Channel;
  mfcCode: string | null;
  receivedDate: string;
  receivedTime: string;
  personId: number | null;
  /** The chosen person's record as read (their revision): a registration over a newer one is refused. */
  personRev: number | null;
  applicant: {
    lastName: string;
    firstName: string;
    middleName: string;
    birthDate: string;
    sex: Sex | '';
    snils: string;
    citizenship: Citizenship | '';
    idDoc: IdDocValues;
    phone: string;
    email: string;
  } & PersonAddressValues;
  /** The applicant's identity document kind follows their age until chosen by hand. */
  idKindAuto: boolean;
  hasRepresentative: boolean;
  representative: {
    fullName: string;
    idDoc: IdDocValues;
    authority: Authority | '';
    authorityNumber: string;
    authorityDate: string;
    organization: string;
    phone: string;
  };
  lgota: IncomeExemptionCode | 'none';
  circumstances: {
    disabled: boolean;
    pensioner: boolean;
    underAdministrativeSupervision: boolean;
    legallyIncapacitated: boolean;
    mentalDisorder: boolean;
    relativesUnableToCare: number | string;
    leftWithoutParentalCare: boolean;
    legalRepresentativesDetained: boolean;
    policeReferral: boolean;
  };
  /** The 159н application's own fields (printed in the application). */
  application: { desiredServices: string; desiredProviders: string; livingConditions: string; household: string; consent: boolean };
  /** Document marks by checklist item key; kept when the checklist changes. */
  marks: Record<string, Mark>;
}


function nowParts(): { receivedDate: string; receivedTime: string } {
  const [receivedDate, receivedTime] = hostDateTime().split('T');
  return { receivedDate, receivedTime };
}

const emptyIdDoc = (kind: IdDocKind | ''): IdDocValues => ({ kind, series: '', number: '', issuer: '', issueDate: '' });

function emptyApplicant(): IntakeValues['applicant'] {
  return {
    lastName: '',
    firstName: '',
    middleName: '',
    birthDate: '',
    sex: '',
    snils: '',
    citizenship: 'rf',
    idDoc: emptyIdDoc('passport_rf'),
    ...emptyPersonAddress(),
    phone: '',
    email: '',
  };
}

function freshValues(): IntakeValues {
  return {
    subservice: '',
    channel: 'in_person',
    mfcCode: null,
    ...nowParts(),
    personId: null,
    personRev: null,
    applicant: emptyApplicant(),
    idKindAuto: true,
    hasRepresentative: false,
    representative: {
      fullName: '',
      idDoc: emptyIdDoc('passport_rf'),
      authority: '',
      authorityNumber: '',
      authorityDate: '',
      organization: '',
      phone: '',
    },
    lgota: 'none',
    circumstances: {
      disabled: false,
      pensioner: false,
      underAdministrativeSupervision: false,
      legallyIncapacitated: false,
      mentalDisorder: false,
      relativesUnableToCare: 0,
      leftWithoutParentalCare: false,
      legalRepresentativesDetained: false,
      policeReferral: false,
    },
    application: { desiredServices: '', desiredProviders: '', livingConditions: '', household: '', consent: false },
    marks: {},
  };
}

const DRAFT_VERSION = 1;
const NO_MATCHES: PersonWithCases[] = [];

/** A saved draft over fresh values: unknown or mistyped fields fall back to the defaults. */
function fromDraft(data: unknown): IntakeValues | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as { v?: unknown; values?: unknown };
  if (d.v !== DRAFT_VERSION || !d.values || typeof d.values !== 'object') return null;
  const merge = <T extends object>(base: T, over: unknown): T => {
    if (!over || typeof over !== 'object' || Array.isArray(over)) return base;
    const out = { ...base } as Record<string, unknown>;
    for (const [k, v] of Object.entries(base)) {
      const o = (over as Record<string, unknown>)[k];
      if (o === undefined) continue;
      if (v && typeof v === 'object' && !Array.isArray(v) && k !== 'marks') out[k] = merge(v as object, o);
      else if (k === 'marks' && o && typeof o === 'object') out[k] = o;
      else if (v === null || o === null || typeof o === typeof v) out[k] = o;
    }
    return out as T;
  };
  return merge(freshValues(), d.values);
}

/** The form's values from `portal.prefill` (a RegisterInput built from the online application). */
function fromPrefill(d: Record<string, unknown>): IntakeValues {
  const base = freshValues();
  const s = (x: unknown) => (typeof x === 'string' ? x : '');
  const obj = (x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {});
  const oneOf = <T extends string>(list: readonly T[], x: unknown, fallback: T | ''): T | '' =>
    (list as readonly unknown[]).includes(x) ? (x as T) : fallback;
  const idDocOf = (x: unknown, fallback: IdDocKind | ''): IdDocValues => {
    const o = obj(x);
    return { kind: oneOf(ID_DOC_KINDS, o.kind, fallback), series: s(o.series), number: s(o.number), issuer: s(o.issuer), issueDate: s(o.issueDate) };
  };
  const a = obj(d.applicant);
  const r = d.representative ? obj(d.representative) : null;
  const received = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(s(d.receivedAt));
  const c = obj(d.circumstances);
  const circumstances = { ...base.circumstances };
  for (const k of Object.keys(circumstances) as (keyof Circ)[]) {
    if (typeof c[k] === typeof circumstances[k]) (circumstances as Record<string, unknown>)[k] = c[k];
  }
  const marks: Record<string, Mark> = {};
  for (const m of Array.isArray(d.documents) ? d.documents : []) {
    const o = obj(m);
    if (!s(o.key)) continue;
    marks[s(o.key)] = {
      state: (['received', 'not_provided', 'to_request'] as const).includes(o.state as DocState) ? (o.state as DocState) : 'received',
      form: o.form === 'original' || o.form === 'copy' ? o.form : '',
      sheets: typeof o.sheets === 'number' ? o.sheets : 1,
    };
  }
  const lgota = s(d.lgota);
  const app = obj(d.application);
  return {
    ...base,
    subservice: oneOf(SUBSERVICE_CODES, d.subservice, ''),
    channel: oneOf(CHANNELS, d.channel, '') || base.channel,
    mfcCode: s(d.mfcCode) || null,
    ...(received ? { receivedDate: received[1]!, receivedTime: received[2]! } : {}),
    applicant: {
      lastName: s(a.lastName),
      firstName: s(a.firstName),
      middleName: s(a.middleName),
      birthDate: s(a.birthDate),
      sex: oneOf(SEXES, a.sex, ''),
      snils: a.snils ? maskSnils(s(a.snils)) : '',
      citizenship: oneOf(CITIZENSHIPS, a.citizenship, 'rf'),
      idDoc: idDocOf(a.idDoc, 'passport_rf'),
      ...personAddressValues({ regAddress: s(a.regAddress), regAddressParts: obj(a.regAddressParts), actualAddress: s(a.actualAddress), actualAddressParts: obj(a.actualAddressParts) }),
      phone: s(a.phone),
      email: s(a.email),
    },
    idKindAuto: !oneOf(ID_DOC_KINDS, obj(a.idDoc).kind, ''),
    hasRepresentative: r !== null,
    representative: r
      ? {
          fullName: s(r.fullName),
          idDoc: idDocOf(r.idDoc, 'passport_rf'),
          authority: oneOf(AUTHORITIES, r.authority, ''),
          authorityNumber: s(r.authorityNumber),
          authorityDate: s(r.authorityDate),
          organization: s(r.organization),
          phone: s(r.phone),
        }
      : base.representative,
    lgota: lgota && LGOTA_CATEGORIES.some((l) => l.code === lgota) ? (lgota as IncomeExemptionCode) : 'none',
    circumstances,
    application: {
      desiredServices: s(app.desiredServices),
      desiredProviders: s(app.desiredProviders),
      livingConditions: s(app.livingConditions),
      household: s(app.household),
      consent: app.consent === true,
    },
    marks,
  };
}

// ------------------------------------------------------------------ derived data

type Circ = IntakeValues['circumstances'];

/** Which circumstance inputs a sub-service shows (the others are sent as false / 0). */
function relevant(s: SubserviceCode | '') {
  return {
    disabled: s !== '' && s !== 'minors-semi-stationary',
    pensioner: s !== '' && hasIncomeDocuments(s),
    stationary: s === 'stationary',
    relatives: s === 'stationary' || s === 'special-housing',
    minors: s === 'minors-semi-stationary',
  };
}

function relativesCount(v: number | string): number {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 20) : 0;
}

function effectiveCircumstances(v: IntakeValues) {
  const r = relevant(v.subservice);
  const c: Circ = v.circumstances;
  return {
    disabled: r.disabled && c.disabled,
    pensioner: r.pensioner && c.pensioner,
    underAdministrativeSupervision: r.stationary && c.underAdministrativeSupervision,
    legallyIncapacitated: r.stationary && c.legallyIncapacitated,
    mentalDisorder: r.stationary && c.mentalDisorder,
    relativesUnableToCare: r.relatives ? relativesCount(c.relativesUnableToCare) : 0,
    leftWithoutParentalCare: r.minors && c.leftWithoutParentalCare,
    legalRepresentativesDetained: r.minors && c.legalRepresentativesDetained,
    policeReferral: r.minors && c.policeReferral,
  };
}

function applicableLgota(s: SubserviceCode | '') {
  if (!s) return [];
  const codes = new Set(INCOME_EXEMPTIONS[s].map((e) => e.code));
  return LGOTA_CATEGORIES.filter((l) => codes.has(l.code));
}

function effectiveLgota(v: IntakeValues): IncomeExemptionCode | null {
  if (v.lgota === 'none' || !v.subservice) return null;
  return applicableLgota(v.subservice).some((l) => l.code === v.lgota) ? v.lgota : null;
}

function ageAtReceipt(v: IntakeValues): number | null {
  return ageAt(v.applicant.birthDate, isIsoDate(v.receivedDate) ? v.receivedDate : hostToday());
}

function checklistFor(v: IntakeValues): ChecklistItem[] {
  if (!v.subservice) return [];
  const age = ageAtReceipt(v);
  return buildChecklist({
    subservice: v.subservice,
    hasRepresentative: v.hasRepresentative || minorsRequireLegalRepresentative(v.subservice),
    incomeExemption: effectiveLgota(v),
    ...effectiveCircumstances(v),
    minorUnder14: age !== null && age < 14,
  });
}

function defaultMark(item: ChecklistItem): Mark {
  return { state: item.source === 'interagency' ? 'to_request' : 'not_provided', form: '', sheets: 1 };
}

function markOf(v: IntakeValues, item: ChecklistItem): Mark {
  return v.marks[item.key] ?? defaultMark(item);
}

/** An empty date goes as missing, so that the message is «Укажите дату» rather than a format error. */
const orUndefined = (s: string) => (s === '' ? undefined : s) as string;

function buildPayload(v: IntakeValues, items: ChecklistItem[]): { input: RegisterInput; documents: DocumentMark[] } {
  const a = v.applicant;
  const minors = v.subservice !== '' && minorsRequireLegalRepresentative(v.subservice);
  const r = v.representative;
  const snilsDigits = normalizeSnils(a.snils);
  const documents: DocumentMark[] = items.map((item) => {
    const m = markOf(v, item);
    if (m.state !== 'received') return { key: item.key, state: m.state };
    const sheets = typeof m.sheets === 'number' ? m.sheets : Number(m.sheets);
    return {
      key: item.key,
      state: 'received',
      form: m.form || undefined,
      sheets: m.sheets === '' || !Number.isFinite(sheets) ? undefined : sheets,
    };
  });
  const idDoc = (d: IdDocValues) => ({
    kind: (d.kind || undefined) as IdDocKind,
    series: d.series,
    number: d.number,
    issuer: d.issuer,
    issueDate: orUndefined(d.issueDate),
  });
  const input: RegisterInput = {
    personId: v.personId ?? undefined,
    personRev: v.personId ? (v.personRev ?? undefined) : undefined,
    applicant: {
      lastName: a.lastName,
      firstName: a.firstName,
      middleName: a.middleName,
      birthDate: orUndefined(a.birthDate),
      sex: (a.sex || undefined) as Sex,
      // A well-formed number goes as digits; anything else as typed, for the backend's message.
      snils: snilsDigits ?? a.snils,
      citizenship: (a.citizenship || undefined) as Citizenship,
      idDoc: idDoc(a.idDoc),
      ...personAddressInput(a),
      phone: a.phone,
      email: a.email,
    },
    representative:
      v.hasRepresentative || minors
        ? {
            fullName: r.fullName,
            idDoc: idDoc(r.idDoc),
            authority: (minors ? 'legal' : r.authority || undefined) as Authority,
            authorityNumber: r.authority === 'power_of_attorney' && !minors ? r.authorityNumber : '',
            authorityDate: r.authority === 'power_of_attorney' && !minors ? r.authorityDate : '',
            organization: r.authority === 'organization' && !minors ? r.organization : '',
            phone: r.phone,
          }
        : null,
    subservice: (v.subservice || undefined) as SubserviceCode,
    channel: v.channel,
    mfcCode: v.channel === 'mfc' ? (v.mfcCode ?? '') : undefined,
    receivedAt: v.receivedDate && v.receivedTime ? `${v.receivedDate}T${v.receivedTime}` : '',
    lgota: effectiveLgota(v),
    circumstances: effectiveCircumstances(v),
    application: v.application,
    documents,
  };
  return { input, documents };
}

/** Backend field paths → this form's paths (documents by index → marks by key). */
function mapErrors(fields: Record<string, string>, v: IntakeValues, documents: DocumentMark[]) {
  const mapped: Record<string, string> = {};
  const general: string[] = [];
  for (const [key, message] of Object.entries(fields)) {
    let path: string | null = key;
    const doc = /^documents\.(\d+)(?:\.(\w+))?$/.exec(key);
    if (doc) {
      const d = documents[Number(doc[1])];
      path = d ? `marks.${d.key}.${doc[2] ?? 'state'}` : null;
    } else if (key === 'receivedAt') path = receivedAtPath(v);
    else if (key === 'representative') path = 'hasRepresentative';
    else if (key === 'applicant.actualAddress' && v.applicant.sameAddress) path = 'applicant.regAddress';
    else if (key === 'personId' || key === 'personRev') path = null;
    else if (!/^(subservice|channel|mfcCode|applicant\.|representative\.|lgota|circumstances\.|application\.)/.test(key)) path = null;
    if (path) mapped[path] = message;
    else general.push(message);
  }
  return { mapped, general };
}

/** Which of the two inputs a message about the moment of receipt belongs to. */
function receivedAtPath(v: IntakeValues): 'receivedDate' | 'receivedTime' {
  if (!isIsoDate(v.receivedDate)) return 'receivedDate';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.receivedTime)) return 'receivedTime';
  return v.receivedDate === hostToday() ? 'receivedTime' : 'receivedDate';
}

/** The backend's own schema as the form's resolver (messages by RegisterInput path). */
const registerErrors = schemaResolver(RegisterInput, { sync: true });

/**
 * The form validated as the backend will validate it: the payload it would
 * send, checked with RegisterInput (its rules across fields included) and the
 * same clock rule, the messages put on the form's fields. A field the form
 * does not show is not sent, so it is never flagged nor counted.
 */
function intakeErrors(v: IntakeValues) {
  const { input, documents } = buildPayload(v, checklistFor(v));
  const fields = registerErrors(input) as Record<string, string>;
  const late = fields.receivedAt ? null : receivedAtError(input.receivedAt, hostNow());
  if (late) fields.receivedAt = late;
  return { fields, ...mapErrors(fields, v, documents) };
}

// ------------------------------------------------------------------ small inputs

/** СНИЛС typed as digits, shown as 123-456-789 01. */
function maskSnils(raw: string): string {
  const d = raw.replace(/\D/g, '').slice(0, 11);
  let out = d.slice(0, 3);
  if (d.length > 3) out += '-' + d.slice(3, 6);
  if (d.length > 6) out += '-' + d.slice(6, 9);
  if (d.length > 9) out += ' ' + d.slice(9);
  return out;
}

/** ЧЧ:ММ typed as digits. */
function maskTime(raw: string, previous: string): string {
  const d = raw.replace(/\D/g, '').slice(0, 4);
  const typing = raw.length > previous.length;
  if (d.length > 2 || (typing && d.length === 2)) return `${d.slice(0, 2)}:${d.slice(2)}`;
  return d;
}

const option = (value: string, label: string) => ({ value, label });
const PICK = option('', '— выберите —');

function IdDocFields({
  form,
  prefix,
  onKindChange,
}: {
  form: UseFormReturnType<IntakeValues>;
  prefix: 'applicant.idDoc' | 'representative.idDoc';
  onKindChange?: () => void;
}) {
  const kind = form.getInputProps(`${prefix}.kind`);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
      <NativeSelect
        label="Вид документа"
        required
        data={[PICK, ...ID_DOC_KINDS.map((k) => option(k, ID_DOC_LABELS[k]))]}
        {...kind}
        onChange={(e) => {
          kind.onChange(e);
          onKindChange?.();
        }}
      />
      <FastTextInput label="Серия" autoComplete="off" {...form.getInputProps(`${prefix}.series`)} />
      <FastTextInput label="Номер" required autoComplete="off" {...form.getInputProps(`${prefix}.number`)} />
      <RuDateInput label="Дата выдачи" required {...dateProps(form, `${prefix}.issueDate`)} />
      <Box style={{ gridColumn: '1 / -1' }}>
        <FastTextInput label="Кем выдан" required autoComplete="off" {...form.getInputProps(`${prefix}.issuer`)} />
      </Box>
    </SimpleGrid>
  );
}

/** value / onChange / error of a RuDateInput bound to a form path. */
function dateProps(form: UseFormReturnType<IntakeValues>, path: string) {
  const p = form.getInputProps(path);
  return {
    value: (p.value as string) ?? '',
    onChange: (iso: string) => form.setFieldValue(path, iso as never),
    error: p.error as ReactNode,
    'data-path': path,
  };
}

// ------------------------------------------------------------------ the screen

type Phase = { kind: 'form' } | { kind: 'done'; result: CaseView };

/** What the form opens with: the user's draft, or an online application's data; read once per visit. */
interface Opening {
  values: IntakeValues;
  restoredAt: string | null;
  portalId: string | undefined;
  fromPortal: boolean;
  /** Why the draft or the application could not be read (the form opens empty). */
  error: string | null;
  /** An application to review a signed ИППСУ (from «Пересмотр ИППСУ»). */
  review?: { decisionId: number; personId: number; personRev: number; text: string };
}

export function IntakeScreen({ portalApplicationId, reviewOfDecisionId }: { portalApplicationId?: number; reviewOfDecisionId?: number } = {}) {
  const { hasRole } = useSession();
  const allowed = hasRole('reception', 'specialist');
  const once = { staleTime: Infinity, gcTime: 0, retry: false, refetchOnMount: 'always' as const };
  const prefill = useApi('portal.prefill', { id: portalApplicationId ?? 1 }, { ...once, enabled: allowed && portalApplicationId !== undefined });
  const review = useApi('ippsu.reviewPrefill', { decisionId: reviewOfDecisionId ?? 1 }, { ...once, enabled: allowed && reviewOfDecisionId !== undefined });
  const draft = useApi('drafts.get', { kind: 'intake' }, { ...once, enabled: allowed && portalApplicationId === undefined && reviewOfDecisionId === undefined });
  const [opening, setOpening] = useState<Opening | null>(null);

  if (!allowed) {
    return <ErrorState message="Регистрация заявлений доступна сотрудникам приёма и специалистам." />;
  }
  // The opening is taken once; a later re-read of the draft (another desk's change) does not touch the form.
  if (!opening) {
    const q = portalApplicationId !== undefined ? prefill : reviewOfDecisionId !== undefined ? review : draft;
    if (q.isPending) {
      return (
        <Center p="xl">
          <Loader aria-label="Загрузка" />
        </Center>
      );
    }
    const error = q.error ? errorMessage(q.error) : null;
    if (reviewOfDecisionId !== undefined) {
      const d = review.data;
      const text = d ? `Заявление о пересмотре ИППСУ № ${d.reviewOf.outgoingNumber ?? '—'} от ${ruDate(d.reviewOf.date)} (дело № ${d.reviewOf.journalNumber}), действующей до ${ruDate(d.reviewOf.termUntil)}.` : '';
      setOpening({ values: d ? fromPrefill(d) : freshValues(), restoredAt: null, portalId: undefined, fromPortal: true, error, review: d ? { decisionId: d.reviewOfDecisionId, personId: d.personId, personRev: d.personRev, text } : undefined });
    } else if (portalApplicationId !== undefined) {
      const d = prefill.data;
      setOpening({ values: d ? fromPrefill(d) : freshValues(), restoredAt: null, portalId: typeof d?.portalId === 'string' ? d.portalId : undefined, fromPortal: !!d, error });
    } else {
      const d = draft.data;
      const restored = d ? fromDraft(d.data) : null;
      setOpening({ values: restored ?? freshValues(), restoredAt: restored ? d!.updatedAt : null, portalId: undefined, fromPortal: false, error });
    }
    return null;
  }
  return <IntakeForm opening={opening} />;
}

function IntakeForm({ opening }: { opening: Opening }) {
  const subservices = useRefItems('subservice');
  const mfcs = useRefItems('mfc');
  const { session } = useSession();

  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [restoredAt, setRestoredAt] = useState<string | null>(opening.restoredAt);
  // A restored draft counts as typed: the form opened with it.
  const [openedWithDraft, setOpenedWithDraft] = useState(opening.restoredAt !== null);
  const clearDraftCall = useApiMutation('drafts.clear');
  const { mutateAsync: clearDraft } = clearDraftCall;
  const registerCall = useApiMutation('cases.register');
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const [chosen, setChosen] = useState<{ person: PersonWithCases; before: IntakeValues['applicant']; idKindAuto: boolean } | null>(null);
  const rootRef = useRef<HTMLFormElement>(null);
  const [confirmNew, setConfirmNew] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const matchesRef = useRef<PersonWithCases[]>([]);
  // An online application's data is not kept as a draft.
  const draftReady = useRef(!opening.fromPortal);
  const busyRef = useRef(false);
  /** The portal's application id when registering an online application (links the case). */
  const portalIdRef = useRef<string | undefined>(opening.portalId);
  const [fromPortal, setFromPortal] = useState(opening.fromPortal);

  // Saved a second after the last change, and at once on leaving the screen or the page.
  const saveDraft = useDraftAutosave('intake', (values: IntakeValues) => ({ v: DRAFT_VERSION, values }));
  const { state: draftState, setState: setDraftState } = saveDraft;

  const form = useForm<IntakeValues>({
    initialValues: opening.values,
    validate: (values): FormErrors => intakeErrors(values).mapped,
    onValuesChange: (values) => {
      if (draftReady.current) saveDraft.save(values);
    },
  });
  const v = form.values;

  // While the host cannot be reached the draft stays in the form (and leaving or reloading asks first); it is saved when the host is back.
  const draftUnsaved = draftState !== null && 'error' in draftState;
  useUnsavedChanges(draftUnsaved && phase.kind === 'form');
  useEffect(() => (draftUnsaved ? onReconnect(() => draftReady.current && saveDraft.save(form.getValues())) : undefined), [draftUnsaved, saveDraft, form]);

  // The first field gets the focus when the form appears.
  useEffect(() => {
    if (phase.kind === 'form') rootRef.current?.querySelector<HTMLElement>('[data-first-field] select, select[data-first-field]')?.focus();
  }, [phase.kind]);

  // ---- derived
  const items = useMemo(() => checklistFor(v), [v]);
  const age = ageAtReceipt(v);
  const minors = v.subservice !== '' && minorsRequireLegalRepresentative(v.subservice);
  const rel = relevant(v.subservice);
  const lgotaOptions = applicableLgota(v.subservice);
  const lgota = effectiveLgota(v);

  // The identity document follows the age (birth certificate under 14) until chosen by hand; a birth date after the receipt is an error, not a newborn.
  const { setFieldValue } = form;
  const idKind = v.applicant.idDoc.kind;
  useEffect(() => {
    if (!v.idKindAuto || age === null || age < 0) return;
    const kind: IdDocKind = age < 14 ? 'birth_certificate' : 'passport_rf';
    if (idKind !== kind) setFieldValue('applicant.idDoc.kind', kind);
  }, [age, v.idKindAuto, idKind, setFieldValue]);

  // A category that does not apply to the chosen sub-service is dropped.
  useEffect(() => {
    if (v.lgota !== 'none' && !lgota && v.subservice) setFieldValue('lgota', 'none');
  }, [v.subservice, v.lgota, lgota, setFieldValue]);

  // ---- persons already in the database
  const snilsDigits = normalizeSnils(v.applicant.snils);
  const snilsValid = snilsDigits !== null && snilsError(v.applicant.snils) === null;
  const byName = v.applicant.lastName.trim() !== '' && v.applicant.firstName.trim() !== '' && isIsoDate(v.applicant.birthDate);
  const matchQuery =
    snilsValid || byName
      ? JSON.stringify({
          snils: snilsValid ? snilsDigits : undefined,
          lastName: byName ? v.applicant.lastName.trim() : undefined,
          firstName: byName ? v.applicant.firstName.trim() : undefined,
          birthDate: byName ? v.applicant.birthDate : undefined,
        })
      : '';
  const [debouncedMatch] = useDebouncedValue(matchQuery, 300);
  const found = useApi('persons.match', debouncedMatch ? JSON.parse(debouncedMatch) : {}, { enabled: debouncedMatch !== '' });
  const matches = (debouncedMatch !== '' && found.data) || NO_MATCHES;
  // For the handlers bound once (the Ctrl+Enter hotkey): the persons found other than the one chosen.
  useEffect(() => {
    matchesRef.current = matches.filter((p) => p.id !== form.getValues().personId);
  });

  const applyMatch = (p: PersonWithCases) => {
    const before = form.getValues().applicant;
    const doc = p.idDoc;
    const s = (x: string | null | undefined) => x ?? '';
    setChosen({ person: p, before, idKindAuto: form.getValues().idKindAuto });
    form.setValues({
      personId: p.id,
      personRev: p.rev,
      idKindAuto: !doc.kind,
      applicant: {
        lastName: p.lastName,
        firstName: p.firstName,
        middleName: s(p.middleName),
        birthDate: p.birthDate,
        sex: (SEXES as readonly string[]).includes(p.sex) ? (p.sex as Sex) : '',
        snils: p.snils ? formatSnils(p.snils) : '',
        citizenship: (CITIZENSHIPS as readonly string[]).includes(p.citizenship) ? (p.citizenship as Citizenship) : 'rf',
        idDoc: {
          kind: (ID_DOC_KINDS as readonly string[]).includes(s(doc.kind)) ? (doc.kind as IdDocKind) : before.idDoc.kind,
          series: s(doc.series),
          number: s(doc.number),
          issuer: s(doc.issuer),
          issueDate: s(doc.issueDate),
        },
        ...personAddressValues(p),
        phone: s(p.phone),
        email: s(p.email),
      },
    });
  };

  const cancelMatch = () => {
    if (chosen) form.setValues({ personId: null, personRev: null, applicant: chosen.before, idKindAuto: chosen.idKindAuto });
    else form.setValues({ personId: null, personRev: null });
    setChosen(null);
  };

  // ---- registration
  const scrollToFirstError = () => {
    requestAnimationFrame(() => {
      const el = rootRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-field-error]');
      if (!el) return;
      el.scrollIntoView({ behavior: 'smooth', block: 'center' });
      const input = el.matches('input, select, textarea') ? el : el.closest('[data-testid]')?.querySelector<HTMLElement>('input');
      input?.focus({ preventScroll: true });
    });
  };

  /**
   * Shows what the schema says of the field at `path` (when it holds a value:
   * an empty one waits for «Зарегистрировать») and re-checks the errors shown,
   * so that one this change put right goes.
   */
  const checkField = (path: string | null | undefined) =>
    // Over the errors as they are now (this may run from a part of the form drawn a while ago).
    form.setErrors((current) => {
      const shown = Object.keys(current);
      if (!path && shown.length === 0) return current;
      const { mapped } = intakeErrors(form.getValues());
      const next: FormErrors = {};
      for (const k of shown) if (mapped[k]) next[k] = mapped[k];
      if (path && mapped[path]) next[path] = mapped[path];
      const same = Object.keys(next).length === shown.length && shown.every((k) => next[k] === current[k]);
      return same ? current : next;
    });
  const onBlur = (e: FocusEvent<HTMLFormElement>) => {
    const el = e.target as HTMLElement;
    const typed = (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) && el.value !== '';
    checkField(typed ? el.closest('[data-path]')?.getAttribute('data-path') : null);
  };

  const register = async (anotherPerson = false) => {
    if (busyRef.current || phase.kind !== 'form') return;
    const values = form.getValues();
    // The same schema as the backend's: nothing is sent while it refuses.
    if (form.validate().hasErrors) {
      setGeneral([]);
      const issues = Object.entries(intakeErrors(values).fields).map(([key, message]) => ({ path: pathOf(key), message }));
      notifyError(new ApiError('VALIDATION', validationText(issues).message));
      scrollToFirstError();
      return;
    }
    // Same ФИО and date of birth (or СНИЛС) already in the database: ask before creating a second person.
    if (!anotherPerson && values.personId === null && matchesRef.current.length > 0) {
      setConfirmNew(true);
      return;
    }
    setConfirmNew(false);
    busyRef.current = true;
    const { input, documents } = buildPayload(values, checklistFor(values));
    if (portalIdRef.current) input.portalId = portalIdRef.current;
    if (opening.review) Object.assign(input, { reviewOfDecisionId: opening.review.decisionId, personId: opening.review.personId, personRev: opening.review.personRev });
    setBusy(true);
    setGeneral([]);
    try {
      const result = await registerCall.mutateAsync(input);
      draftReady.current = false;
      saveDraft.cancel();
      await saveDraft.settled();
      if (!portalIdRef.current && !opening.review) await clearDraftCall.mutateAsync({ kind: 'intake' }).catch(() => undefined);
      setPhase({ kind: 'done', result });
      window.scrollTo({ top: 0 });
    } catch (e) {
      if (e instanceof ApiError && e.fields && Object.keys(e.fields).length) {
        const { mapped, general: rest } = mapErrors(e.fields, values, documents);
        form.setErrors(mapped);
        setGeneral(rest);
        scrollToFirstError();
      }
      notifyError(e);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const startNew = useCallback(async () => {
    draftReady.current = false;
    saveDraft.cancel();
    await saveDraft.settled();
    await clearDraft({ kind: 'intake' }).catch(notifyError);
    const fresh = freshValues();
    form.setValues(fresh);
    form.clearErrors();
    form.resetDirty(fresh);
    setChosen(null);
    portalIdRef.current = undefined;
    setFromPortal(false);
    setGeneral([]);
    setRestoredAt(null);
    setOpenedWithDraft(false);
    setDraftState(null);
    setConfirmClear(false);
    draftReady.current = true;
    setPhase({ kind: 'form' });
    window.scrollTo({ top: 0 });
  }, [clearDraft, form, saveDraft, setDraftState]);

  useHotkeys(
    [
      ['mod+Enter', () => void register()],
      ['alt+n', () => phase.kind === 'done' && void startNew(), { usePhysicalKeys: true }],
    ],
    [],
  );

  /** Enter in a text field goes to the next field instead of submitting anything. */
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.defaultPrevented) return;
    const t = e.target as HTMLElement;
    if (!(t instanceof HTMLInputElement) || t.getAttribute('role') === 'combobox' || t.getAttribute('aria-haspopup')) return;
    if (!['text', 'email', 'tel', 'search', 'number', ''].includes(t.type)) return;
    e.preventDefault();
    const fields = Array.from(
      rootRef.current?.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([type=radio]):not([disabled]), select:not([disabled]), textarea:not([disabled])') ?? [],
    ).filter((el) => el.offsetParent !== null && el.tabIndex >= 0);
    const next = fields[fields.indexOf(t) + 1];
    next?.focus();
  };

  // ---------------------------------------------------------------- render

  if (phase.kind === 'done') {
    return <Registered result={phase.result} onNew={startNew} />;
  }

  const subserviceOptions = [
    PICK,
    ...(subservices && subservices.length
      ? [...subservices]
          .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
          .filter((s) => (SUBSERVICE_CODES as readonly string[]).includes(s.code))
          .map((s) => option(s.code, `${s.number}. ${s.name} (${SUBSERVICE_PARAGRAPH[s.code as SubserviceCode]})`))
      : SUBSERVICE_CODES.map((s) => option(s, subserviceShort(s)))),
  ];

  const territoryWord = session.office.territory.replace(/^(г\.|пгт\.)\s*/, '').split(/\s/)[0] ?? '';
  const mfcOptions = (mfcs ?? [])
    .filter((m) => m.active || m.code === v.mfcCode)
    .map((m) => {
      const place = (m.address ?? '').replace(/^.*?Югра,\s*/, '');
      return { value: m.code, label: `№ ${m.number} — ${place || m.name}`, local: territoryWord !== '' && (m.address ?? '').includes(territoryWord) };
    })
    .sort((a, b) => Number(b.local) - Number(a.local));

  const otherMatches = matches.filter((p) => p.id !== v.personId);
  // A СНИЛС belongs to one person: with someone else's, «another person» cannot be registered.
  const typedSnils = normalizeSnils(v.applicant.snils);
  const snilsTaken = typedSnils ? otherMatches.find((p) => p.snils === typedSnils) : undefined;
  const counts = items.reduce(
    (acc, item) => {
      const m = markOf(v, item);
      if (m.state === 'received') {
        acc.received += 1;
        acc.sheets += relativesCount(m.sheets);
      } else if (m.state === 'to_request') acc.requested += 1;
      else acc.missing += 1;
      return acc;
    },
    { received: 0, sheets: 0, requested: 0, missing: 0 },
  );

  /** The errors shown under these paths, as a value a part of the form can be compared by. */
  const errorsOf = (...prefixes: string[]) =>
    JSON.stringify(Object.entries(form.errors).filter(([k]) => prefixes.some((p) => k === p || k.startsWith(`${p}.`))));

  const setMark = (item: ChecklistItem, patch: Partial<Mark>) => {
    const current = markOf(form.getValues(), item);
    form.setFieldValue(`marks.${item.key}`, { ...current, ...patch } as never);
    for (const k of Object.keys(patch)) form.clearFieldError(`marks.${item.key}.${k}`);
  };

  return (
    <Page
      title="Новое заявление"
      actions={
        <Button variant="default" onClick={() => void navigate({ to: '/journal' })}>
          К журналу
        </Button>
      }
    >
      {opening.error && (
        <Alert color="red" variant="light">
          Не удалось загрузить {opening.review ? 'программу для пересмотра' : opening.fromPortal ? 'заявление с портала' : 'черновик'}: {opening.error}
        </Alert>
      )}
      {opening.review && (
        <Alert color="grape" variant="light" data-testid="review-prefill" title="Пересмотр ИППСУ">
          <Text size="sm">{opening.review.text} Новая программа будет составлена повторно.</Text>
        </Alert>
      )}
      {fromPortal && !opening.review && (
        <Alert color="blue" variant="light" data-testid="portal-prefill" title="Заявление с портала: проверьте данные и отметьте документы">
          <Text size="sm">Номер на портале: {opening.portalId ?? '—'}. После регистрации дело будет связано с заявлением на портале.</Text>
        </Alert>
      )}
      {restoredAt && (
        <Alert color="blue" variant="light" withCloseButton onClose={() => setRestoredAt(null)} closeButtonLabel="Скрыть">
          <Group justify="space-between" gap="sm">
            <Text size="sm">Восстановлен черновик от {ruDateTime(restoredAt)}</Text>
            <Button size="xs" variant="default" onClick={startNew}>
              Очистить форму
            </Button>
          </Group>
        </Alert>
      )}

      <form ref={rootRef} noValidate onSubmit={(e) => e.preventDefault()} onKeyDown={onKeyDown} onBlur={onBlur} autoComplete="off">
        <Stack gap="lg" className={FORM_SECTIONS_CLASS}>
          {/* ------------------------------------------------ Заявление */}
          <Part deps={[v.subservice, v.channel, v.mfcCode, v.receivedDate, v.receivedTime, subservices, mfcs, territoryWord, errorsOf('subservice', 'channel', 'mfcCode', 'receivedDate', 'receivedTime')]}>
            {() => (
              <Fieldset legend="Заявление">
                <Stack gap="xs">
                  <NativeSelect
                    label="Подуслуга"
                    required
                    data-first-field
                    data={subserviceOptions}
                    {...form.getInputProps('subservice')}
                  />
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
                    <NativeSelect
                      label="Способ поступления"
                      required
                      data={CHANNELS.map((c) => option(c, CHANNEL_LABELS[c]))}
                      {...form.getInputProps('channel')}
                    />
                    <RuDateInput label="Дата поступления" required {...dateProps(form, 'receivedDate')} />
                    <TextInput
                      label="Время поступления"
                      required
                      placeholder="ЧЧ:ММ"
                      inputMode="numeric"
                      maxLength={5}
                      data-path="receivedTime"
                      value={v.receivedTime}
                      onChange={(e) => form.setFieldValue('receivedTime', maskTime(e.currentTarget.value, v.receivedTime))}
                      error={form.errors.receivedTime}
                    />
                  </SimpleGrid>
                  {v.channel === 'mfc' && (
                    <LabeledSelect
                      label="МФЦ"
                      required
                      searchable
                      placeholder="Начните вводить город или номер"
                      nothingFoundMessage="Ничего не найдено"
                      data={mfcOptions.map(({ value, label }) => ({ value, label }))}
                      {...form.getInputProps('mfcCode')}
                    />
                  )}
                  {v.channel !== 'in_person' && (
                    <Text size="xs" c="dimmed">
                      Заявление, поступившее почтой, через портал или МФЦ, регистрируется в течение 1 рабочего дня со дня поступления (п. 35).
                    </Text>
                  )}
                </Stack>
              </Fieldset>
            )}
          </Part>

          {/* ------------------------------------------------ Заявитель */}
          <Fieldset legend={minors ? 'Заявитель (несовершеннолетний)' : 'Заявитель'}>
            <Stack gap="xs">
              {v.personId !== null && (
                <Alert color="teal" variant="light" p="xs" data-testid="person-chosen">
                  <Group justify="space-between" gap="sm">
                    <Text size="sm">
                      Заявитель выбран из базы
                      {chosen ? `: ${chosen.person.fullName}, ${ruDate(chosen.person.birthDate)}` : ''}. Изменённые данные будут сохранены в его
                      карточке.
                    </Text>
                    <Button size="xs" variant="default" onClick={cancelMatch}>
                      Отменить
                    </Button>
                  </Group>
                </Alert>
              )}
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
                <FastTextInput label="Фамилия" required {...form.getInputProps('applicant.lastName')} />
                <FastTextInput label="Имя" required {...form.getInputProps('applicant.firstName')} />
                <FastTextInput label="Отчество" description="при наличии" inputWrapperOrder={['label', 'input', 'description', 'error']} {...form.getInputProps('applicant.middleName')} />
              </SimpleGrid>
              <Part deps={[v.applicant.birthDate, v.applicant.sex, v.applicant.snils, v.applicant.citizenship, age, errorsOf('applicant.birthDate', 'applicant.sex', 'applicant.snils', 'applicant.citizenship')]}>
                {() => (
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
                    <RuDateInput
                      label="Дата рождения"
                      required
                      {...dateProps(form, 'applicant.birthDate')}
                      description={age !== null && age >= 0 ? `Полных лет на дату поступления: ${age}` : undefined}
                      inputWrapperOrder={['label', 'input', 'description', 'error']}
                    />
                    <NativeSelect label="Пол" required data={[PICK, ...SEXES.map((s) => option(s, SEX_LABELS[s]))]} {...form.getInputProps('applicant.sex')} />
                    <TextInput
                      label="СНИЛС"
                      data-path="applicant.snils"
                      placeholder="___-___-___ __"
                      inputMode="numeric"
                      maxLength={14}
                      value={v.applicant.snils}
                      onChange={(e) => {
                        const snils = maskSnils(e.currentTarget.value);
                        form.setFieldValue('applicant.snils', snils);
                        // All 11 digits typed: checked at once, without waiting for the field to be left.
                        if (snils.replace(/\D/g, '').length === 11) checkField('applicant.snils');
                      }}
                      error={form.errors['applicant.snils']}
                    />
                    <NativeSelect
                      label="Гражданство"
                      required
                      data={[PICK, ...CITIZENSHIPS.map((c) => option(c, CITIZENSHIP_LABELS[c]))]}
                      {...form.getInputProps('applicant.citizenship')}
                    />
                  </SimpleGrid>
                )}
              </Part>

              <Part deps={[otherMatches]}>
                {() =>
                  otherMatches.length > 0 && (
                    <Alert color="yellow" variant="light" title="Найдены в базе" data-testid="person-matches">
                      <Stack gap="sm">
                        {otherMatches.map((p) => (
                          <Paper key={p.id} withBorder p="xs" data-testid={`person-match-${p.id}`}>
                            <Group justify="space-between" align="flex-start" wrap="nowrap">
                              <Box style={{ flex: 1, minWidth: 0 }}>
                                <Text size="sm" fw={600}>
                                  <AnchorLink to="/persons/$id" params={{ id: p.id }} inherit>
                                    {p.fullName}
                                  </AnchorLink>
                                  , {ruDate(p.birthDate)}
                                  {p.snils ? `, СНИЛС ${snilsText(p.snils)}` : ', СНИЛС не указан'}
                                </Text>
                                {p.regAddress && (
                                  <Text size="xs" c="dimmed">
                                    {p.regAddress}
                                  </Text>
                                )}
                                {p.cases.length === 0 ? (
                                  <Text size="xs" c="dimmed">
                                    Дел нет
                                  </Text>
                                ) : (
                                  <Stack gap={2} mt={4}>
                                    {p.cases.map((c) => (
                                      <Group key={c.id} gap={6}>
                                        <Text size="xs">
                                          № {c.journalNumber} от {ruDate(c.registeredAt)} — {subserviceShort(c.subservice)}
                                        </Text>
                                        <StatusBadge status={c.status} size="sm" />
                                      </Group>
                                    ))}
                                  </Stack>
                                )}
                              </Box>
                              <Button size="xs" style={{ flexShrink: 0 }} onClick={() => applyMatch(p)}>
                                Использовать эти данные
                              </Button>
                            </Group>
                          </Paper>
                        ))}
                      </Stack>
                    </Alert>
                  )
                }
              </Part>

              <Text size="sm" fw={500} mt="xs">
                Документ, удостоверяющий личность
              </Text>
              <Part deps={[v.applicant.idDoc, errorsOf('applicant.idDoc')]}>
                {() => <IdDocFields form={form} prefix="applicant.idDoc" onKindChange={() => form.setFieldValue('idKindAuto', false)} />}
              </Part>
              <Part
                deps={[
                  v.applicant.regAddress,
                  v.applicant.regAddressParts,
                  v.applicant.sameAddress,
                  v.applicant.actualAddress,
                  v.applicant.actualAddressParts,
                  errorsOf('applicant.regAddress', 'applicant.regAddressParts', 'applicant.sameAddress', 'applicant.actualAddress', 'applicant.actualAddressParts'),
                ]}
              >
                {() => <PersonAddressFields field={form.getInputProps} prefix="applicant." values={v.applicant} />}
              </Part>
              <Part deps={[v.applicant.phone, v.applicant.email, errorsOf('applicant.phone', 'applicant.email')]}>
                {() => (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
                    <FastTextInput label="Телефон" type="tel" {...form.getInputProps('applicant.phone')} />
                    <FastTextInput label="Электронная почта" inputMode="email" {...form.getInputProps('applicant.email')} />
                  </SimpleGrid>
                )}
              </Part>
            </Stack>
          </Fieldset>

          {/* ------------------------------------------------ Представитель */}
          <Part deps={[v.hasRepresentative, v.representative, minors, errorsOf('hasRepresentative', 'representative')]}>
            {() => (
              <Fieldset legend="Представитель">
                <Stack gap="xs">
                  <Switch
                    label="Заявление подаёт представитель"
                    disabled={minors}
                    checked={v.hasRepresentative || minors}
                    onChange={(e) => form.setFieldValue('hasRepresentative', e.currentTarget.checked)}
                    description={minors ? 'Для несовершеннолетнего заявление подаёт законный представитель (п. 23)' : undefined}
                    error={form.errors.hasRepresentative}
                  />
                  {(v.hasRepresentative || minors) && (
                    <>
                      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
                        <FastTextInput label="ФИО представителя" required {...form.getInputProps('representative.fullName')} />
                        <NativeSelect
                          label="Основание полномочий"
                          required
                          disabled={minors}
                          data={[PICK, ...AUTHORITIES.map((a) => option(a, AUTHORITY_LABELS[a]))]}
                          {...form.getInputProps('representative.authority')}
                          value={minors ? 'legal' : v.representative.authority}
                        />
                      </SimpleGrid>
                      {!minors && v.representative.authority === 'power_of_attorney' && (
                        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
                          <FastTextInput label="Номер доверенности" required {...form.getInputProps('representative.authorityNumber')} />
                          <RuDateInput label="Дата доверенности" required {...dateProps(form, 'representative.authorityDate')} />
                        </SimpleGrid>
                      )}
                      {!minors && v.representative.authority === 'organization' && (
                        <FastTextInput label="Организация (орган)" required {...form.getInputProps('representative.organization')} />
                      )}
                      <Text size="sm" fw={500} mt="xs">
                        Документ, удостоверяющий личность представителя
                      </Text>
                      <IdDocFields form={form} prefix="representative.idDoc" />
                      <FastTextInput label="Телефон" type="tel" maw={360} {...form.getInputProps('representative.phone')} />
                    </>
                  )}
                </Stack>
              </Fieldset>
            )}
          </Part>

          {/* ------------------------------------------------ Льготная категория и обстоятельства */}
          <Part deps={[v.subservice, v.lgota, v.circumstances, age, errorsOf('lgota', 'circumstances')]}>
            {() => (
              <Fieldset legend="Льготная категория и обстоятельства">
                {!v.subservice ? (
                  <Text size="sm" c="dimmed">
                    Выберите подуслугу.
                  </Text>
                ) : (
                  <Stack gap="xs">
                    {lgotaOptions.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        Для этой подуслуги документы о доходах не представляются: льготная категория не указывается.
                      </Text>
                    ) : (
                      <LabeledSelect
                        label="Льготная категория"
                        allowDeselect={false}
                        data={[option('none', 'не относится'), ...lgotaOptions.map((l) => option(l.code, l.label))]}
                        value={lgota ?? 'none'}
                        onChange={(x) => form.setFieldValue('lgota', (x ?? 'none') as IntakeValues['lgota'])}
                        error={form.errors.lgota}
                        description="Категории, для которых документы о доходах не прилагаются"
                        comboboxProps={{ width: 'target' }}
                      />
                    )}
                    {lgota && isIncomeExempt(v.subservice, lgota) && (
                      <Text size="sm" c="teal.8">
                        Документы о доходах не прилагаются ({SUBSERVICE_PARAGRAPH[v.subservice]}). Документ о праве на меры социальной
                        поддержки запрашивается в рамках межведомственного взаимодействия, если заявитель не представил его сам.
                      </Text>
                    )}
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                      {rel.disabled && <Checkbox label="Инвалидность установлена" {...form.getInputProps('circumstances.disabled', { type: 'checkbox' })} />}
                      {rel.pensioner && (
                        <Checkbox
                          label="Получает пенсию (заявитель или совместно проживающие члены семьи)"
                          {...form.getInputProps('circumstances.pensioner', { type: 'checkbox' })}
                        />
                      )}
                      {rel.stationary && (
                        <>
                          <Checkbox
                            label="Административный надзор (п. 21)"
                            description="освобождается из мест лишения свободы, установлен административный надзор"
                            {...form.getInputProps('circumstances.underAdministrativeSupervision', { type: 'checkbox' })}
                          />
                          <Checkbox label="Признан недееспособным (п. 21)" {...form.getInputProps('circumstances.legallyIncapacitated', { type: 'checkbox' })} />
                          <Checkbox label="Страдает психическим расстройством (п. 21)" {...form.getInputProps('circumstances.mentalDisorder', { type: 'checkbox' })} />
                        </>
                      )}
                      {rel.minors && (
                        <>
                          <Checkbox
                            label="Ребёнок младше 14 лет"
                            description={age === null ? 'определяется по дате рождения' : 'по дате рождения'}
                            checked={age !== null && age < 14}
                            disabled
                            readOnly
                          />
                          <Checkbox
                            label="Оставшийся без попечения родителей"
                            {...form.getInputProps('circumstances.leftWithoutParentalCare', { type: 'checkbox' })}
                          />
                          <Checkbox
                            label="Законные представители задержаны, арестованы, заключены под стражу или осуждены"
                            {...form.getInputProps('circumstances.legalRepresentativesDetained', { type: 'checkbox' })}
                          />
                          <Checkbox
                            label="Направлен актом оперативного дежурного органа внутренних дел"
                            {...form.getInputProps('circumstances.policeReferral', { type: 'checkbox' })}
                          />
                        </>
                      )}
                    </SimpleGrid>
                    {rel.relatives && (
                      <NumberInput
                        label={
                          v.subservice === 'stationary'
                            ? 'Число родственников, не способных осуществлять уход (п. 21)'
                            : 'Число совершеннолетних детей, не способных осуществлять уход (п. 22)'
                        }
                        description="По каждому представляется отдельный документ"
                        min={0}
                        max={20}
                        allowDecimal={false}
                        allowNegative={false}
                        clampBehavior="strict"
                        maw={420}
                        {...form.getInputProps('circumstances.relativesUnableToCare')}
                      />
                    )}
                  </Stack>
                )}
              </Fieldset>
            )}
          </Part>

          {/* ------------------------------------------------ Заявление (159н) */}
          <Part deps={[v.application, errorsOf('application')]}>
            {() => (
              <Fieldset legend="Сведения заявления (форма 159н)">
                <Stack gap="xs">
                  <Text size="sm" c="dimmed">
                    Печатаются в заявлении по форме приказа Минтруда № 159н; не заполненное здесь заявитель допишет от руки.
                  </Text>
                  <FastTextarea autosize minRows={2} maxLength={2000} label={APPLICATION_159N.request.services} {...form.getInputProps('application.desiredServices')} />
                  <FastTextarea autosize minRows={1} maxLength={1000} label={APPLICATION_159N.request.providers} {...form.getInputProps('application.desiredProviders')} />
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                    <FastTextarea autosize minRows={2} maxLength={2000} label={APPLICATION_159N.living.conditions} {...form.getInputProps('application.livingConditions')} />
                    <FastTextarea autosize minRows={2} maxLength={2000} label={APPLICATION_159N.living.household} {...form.getInputProps('application.household')} />
                  </SimpleGrid>
                  <Checkbox
                    label="Заявитель дал согласие на обработку персональных данных (ст. 9 Федерального закона № 152-ФЗ)"
                    {...form.getInputProps('application.consent', { type: 'checkbox' })}
                  />
                </Stack>
              </Fieldset>
            )}
          </Part>

          {/* ------------------------------------------------ Документы */}
          <Part deps={[v.subservice, items, v.marks, errorsOf('marks')]}>
            {() => (
              <Fieldset legend="Документы">
                {!v.subservice ? (
                  <Text size="sm" c="dimmed">
                    Перечень документов появится после выбора подуслуги.
                  </Text>
                ) : (
                  <Stack gap="xs">
                    <Group justify="space-between">
                      <Text size="sm" c="dimmed">
                        {SUBSERVICE_PARAGRAPH[v.subservice]} и п. 25 регламента. Документы, не представленные заявителем, не препятствуют
                        регистрации (п. 29) и учитываются при принятии решения (п. 31).
                      </Text>
                      <Text size="sm" fw={500} data-testid="doc-counts">
                        Принято: {counts.received} (листов: {counts.sheets}) · запросить: {counts.requested} · не представлено: {counts.missing}
                      </Text>
                    </Group>
                    {items.map((item, i) => (
                      <DocRow
                        key={item.key}
                        n={i + 1}
                        item={item}
                        mark={markOf(v, item)}
                        errors={{
                          state: form.errors[`marks.${item.key}.state`],
                          form: form.errors[`marks.${item.key}.form`],
                          sheets: form.errors[`marks.${item.key}.sheets`],
                        }}
                        onChange={(patch) => setMark(item, patch)}
                      />
                    ))}
                  </Stack>
                )}
              </Fieldset>
            )}
          </Part>

          {general.length > 0 && (
            <Alert color="red" title="Не зарегистрировано">
              <List size="sm">
                {general.map((g, i) => (
                  <List.Item key={i}>{g}</List.Item>
                ))}
              </List>
            </Alert>
          )}

          <Paper
            withBorder
            shadow="sm"
            p="sm"
            style={{ position: 'sticky', bottom: 0, zIndex: 5, background: 'var(--mantine-color-body)' }}
          >
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {draftState && 'at' in draftState
                  ? `Черновик сохранён в ${formatRuDateTime(draftState.at).slice(11)}`
                  : draftState
                    ? 'Черновик не сохранён'
                    : 'Черновик сохраняется автоматически'}
              </Text>
              <Group gap="sm">
                {(form.isDirty() || openedWithDraft) && (
                  <Button
                    variant={confirmClear ? 'filled' : 'default'}
                    color={confirmClear ? 'red' : undefined}
                    disabled={busy}
                    onClick={() => {
                      if (confirmClear) void startNew();
                      else {
                        setConfirmClear(true);
                        window.setTimeout(() => setConfirmClear(false), 4000);
                      }
                    }}
                  >
                    {confirmClear ? 'Нажмите ещё раз, чтобы очистить' : 'Очистить форму'}
                  </Button>
                )}
                <Button onClick={() => void register()} loading={busy} size="md">
                  Зарегистрировать (Ctrl+Enter)
                </Button>
              </Group>
            </Group>
          </Paper>
        </Stack>
      </form>

      <Modal opened={confirmNew} onClose={() => setConfirmNew(false)} title="Заявитель уже есть в базе?" size="lg" returnFocus={!snilsTaken}>
        <Stack>
          <Text size="sm">
            В базе найдены люди с теми же данными. Если заявитель — один из них, используйте его данные, чтобы не создавать
            вторую карточку.
          </Text>
          {otherMatches.map((p, i) => (
            <Paper key={p.id} withBorder p="xs">
              <Group justify="space-between" wrap="nowrap">
                <Box style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {p.fullName}, {ruDate(p.birthDate)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p.snils ? `СНИЛС ${snilsText(p.snils)}` : 'СНИЛС не указан'}
                    {p.regAddress ? ` · ${p.regAddress}` : ''} · дел: {p.cases.length}
                  </Text>
                </Box>
                <Button
                  size="xs"
                  style={{ flexShrink: 0 }}
                  data-autofocus={i === 0 ? true : undefined}
                  onClick={() => {
                    applyMatch(p);
                    setConfirmNew(false);
                  }}
                >
                  Использовать эти данные
                </Button>
              </Group>
            </Paper>
          ))}
          {snilsTaken && (
            <Alert color="orange" variant="light" data-testid="snils-taken">
              СНИЛС {snilsText(typedSnils)} уже записан за человеком «{snilsTaken.fullName}». Если заявитель — другой человек, проверьте СНИЛС: у
              каждого он свой.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmNew(false)}>
              Отмена
            </Button>
            {snilsTaken ? (
              <Button
                variant="light"
                color="orange"
                onClick={() => {
                  setConfirmNew(false);
                  // After the dialog has gone (it would give the focus back to the button that opened it).
                  window.setTimeout(() => form.getInputNode('applicant.snils')?.focus(), 250);
                }}
              >
                Исправить СНИЛС
              </Button>
            ) : (
              <Button variant="light" color="orange" onClick={() => void register(true)}>
                Нет, это другой человек — зарегистрировать
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </Page>
  );
}

// ------------------------------------------------------------------ a checklist row

const APPLICANT_STATES = [option('received', 'Принят'), option('not_provided', 'Не представлен')];
const INTERAGENCY_STATES = [option('to_request', 'Будет запрошен'), option('received', 'Принят')];
const FORMS = [option('original', 'Подлинник'), option('copy', 'Копия')];

function DocRow({
  n,
  item,
  mark,
  errors,
  onChange,
}: {
  n: number;
  item: ChecklistItem;
  mark: Mark;
  errors: { state?: ReactNode; form?: ReactNode; sheets?: ReactNode };
  onChange: (patch: Partial<Mark>) => void;
}) {
  const received = mark.state === 'received';
  const err = errors.state ?? errors.form;
  return (
    <Paper withBorder p="xs" data-testid={`doc-${item.key}`} data-state={mark.state} bg={received ? 'var(--mantine-color-green-light)' : undefined}>
      <Group align="flex-start" justify="space-between" wrap="nowrap" gap="md">
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {n}.{' '}
            </Text>
            {item.title}
          </Text>
          <Text size="xs" c="dimmed">
            {item.paragraph}
            {item.condition ? ` · ${item.condition}` : ''}
            {item.source === 'interagency' ? ' · запрашивается органом, если не представлен заявителем (п. 24)' : ''}
            {!item.required && item.source === 'applicant' ? ' · при наличии' : ''}
          </Text>
          {item.alternatives && (
            <Spoiler maxHeight={0} showLabel="варианты документов" hideLabel="скрыть варианты" fz="xs">
              <List size="xs" c="dimmed" mt={4}>
                {item.alternatives.map((a, i) => (
                  <List.Item key={i}>{a}</List.Item>
                ))}
              </List>
            </Spoiler>
          )}
        </Box>
        <Stack gap={6} align="flex-end" style={{ flexShrink: 0 }}>
          <SegmentedControl
            size="xs"
            aria-label="Состояние документа"
            data={item.source === 'interagency' ? INTERAGENCY_STATES : APPLICANT_STATES}
            value={mark.state}
            onChange={(state) => onChange({ state: state as DocState })}
            color={received ? 'green' : undefined}
          />
          {received && (
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <SegmentedControl
                size="xs"
                aria-label="Подлинник или копия"
                data={FORMS}
                value={mark.form || (null as unknown as string)}
                onChange={(form) => onChange({ form: form as Mark['form'] })}
                styles={errors.form ? { root: { outline: '1px solid var(--mantine-color-error)' } } : undefined}
              />
              <NumberInput
                size="xs"
                w={90}
                aria-label="Число листов"
                placeholder="листов"
                rightSection={<Text size="xs" c="dimmed" pr={4}>л.</Text>}
                min={1}
                max={999}
                allowDecimal={false}
                allowNegative={false}
                value={mark.sheets}
                onChange={(sheets) => onChange({ sheets })}
                error={errors.sheets ? true : undefined}
              />
            </Group>
          )}
          {(err || errors.sheets) && (
            <Text size="xs" c="red" data-field-error>
              {[err, errors.sheets].filter(Boolean).map((x, i) => (
                <span key={i}>{i > 0 ? '; ' : ''}{x}</span>
              ))}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

// ------------------------------------------------------------------ success

function Registered({ result, onNew }: { result: CaseView; onNew: () => void }) {
  const receipt = useApiMutation('cases.receipt');
  const print = () => receipt.mutateAsync({ id: result.id }).then(downloadFile, notifyError);
  const application = useApiMutation('cases.application');
  const printApplication = () => {
    if (!application.isPending) application.mutateAsync({ id: result.id }).then(downloadFile, notifyError);
  };
  // Alt+P by the key's place, whichever layout is on (the key of «З» on the Russian one).
  useHotkeys([['alt+p', printApplication, { usePhysicalKeys: true }]]);
  const received = result.documents.filter((d) => d.state === 'received');
  const sheets = received.reduce((n, d) => n + (d.sheets ?? 0), 0);
  const requested = result.documents.filter((d) => d.state === 'to_request').length;
  const missing = result.documents.filter((d) => d.state === 'not_provided').length;
  return (
    <Stack maw={1040}>
      <Card withBorder padding="xl" data-testid="registered">
        <Stack gap="md">
          <Group gap="sm">
            <Badge color="green" size="lg" tt="none">
              Готово
            </Badge>
            <Text c="dimmed" size="sm">
              {subserviceShort(result.subservice)}
            </Text>
          </Group>
          <Title order={1}>
            Зарегистрировано: № {result.journalNumber} от {ruDate(result.registeredAt)}
          </Title>
          <Text size="lg">
            {result.applicantName}, {ruDate(result.applicantBirthDate)}
          </Text>
          <Group gap="lg">
            {result.deadlines.requests && (
              <Group gap={6}>
                <Text size="sm">Запросы до</Text>
                <DueBadge date={result.deadlines.requests} />
              </Group>
            )}
            <Group gap={6}>
              <Text size="sm">Решение до</Text>
              <DueBadge date={result.deadlines.decision} />
            </Group>
            <Group gap={6}>
              <Text size="sm">Результат до</Text>
              <DueBadge date={result.deadlines.result} />
            </Group>
          </Group>
          <Text size="sm" c="dimmed">
            Принято документов: {received.length} (листов: {sheets}); будет запрошено: {requested}; не представлено: {missing}.
          </Text>
          <Group>
            <Button size="md" autoFocus onClick={print} loading={receipt.isPending}>
              Печать расписки
            </Button>
            <Button size="md" variant="default" onClick={printApplication} loading={application.isPending}>
              Заявление (159н)
              <Kbd ml={8} size="xs">
                Alt+P
              </Kbd>
            </Button>
            <ButtonLink size="md" variant="default" to="/cases/$id" params={{ id: result.id }}>
              Открыть дело
            </ButtonLink>
            <Button size="md" variant="default" onClick={onNew}>
              Новое заявление
              <Kbd ml={8} size="xs">
                Alt+N
              </Kbd>
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Выдайте заявителю расписку в получении документов (п. 44); заявление по форме приказа Минтруда № 159н распечатайте для подписи заявителя.
          </Text>
        </Stack>
      </Card>
    </Stack>
  );
}
