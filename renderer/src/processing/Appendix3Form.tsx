/**
 * The Appendix 3 act («Акт обследования условий жизнедеятельности» of a
 * citizen or of a family) as entered from the social-service centre's paper
 * act, field by field in the printed order, with the Barthel and Lawton
 * questionnaires; plus the field pieces both acts (and the decision form)
 * are built from: «нужное подчеркнуть» choices with the exact printed
 * options, editable row tables, dates, and buttons that say why they are
 * unavailable.
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Input,
  List,
  Menu,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Spoiler,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { GetInputPropsReturnType, UseFormReturnType } from '@mantine/form';
import { memo, useMemo, useState, type ReactNode } from 'react';
import {
  ABILITY_LOSS,
  ABILITY_LOSS_LABELS,
  ADAPTATION_DEGREE_LABELS,
  ADAPTATION_DEGREES,
  CITIZEN_CATEGORIES,
  CITIZEN_CATEGORY_LABELS,
  CITIZEN_HEATING,
  CITIZEN_HEATING_LABELS,
  CITIZEN_HOUSING_TYPE_LABELS,
  CITIZEN_HOUSING_TYPES,
  CITIZEN_WATER,
  CITIZEN_WATER_LABELS,
  COMPENSATION_DRIVE,
  COMPENSATION_DRIVE_LABELS,
  DEGREES,
  DISABILITY_GROUPS,
  FAMILY_AMENITIES,
  FAMILY_AMENITY_LABELS,
  FAMILY_CIRCUMSTANCE_LABELS,
  FAMILY_CIRCUMSTANCES,
  FAMILY_CONFLICT_LABELS,
  FAMILY_CONFLICTS,
  FAMILY_HEATING,
  FAMILY_HEATING_LABELS,
  FAMILY_HOUSING_TYPE_LABELS,
  FAMILY_HOUSING_TYPES,
  FAMILY_SOCIAL_STATUS_LABELS,
  FAMILY_SOCIAL_STATUSES,
  FAMILY_STATUS_LABELS,
  FAMILY_STATUSES,
  HELP_KIND_LABELS,
  HELP_KINDS,
  HELP_REASON_LABELS,
  HELP_REASONS,
  HOUSEHOLD_RELATIONS,
  HOUSEHOLD_RELATIONS_LABELS,
  HOUSING_OWNER_LABELS,
  HOUSING_OWNERS,
  HOUSING_OWNERSHIP_KIND_LABELS,
  HOUSING_OWNERSHIP_KINDS,
  INTEGRATION_ABILITY,
  INTEGRATION_ABILITY_LABELS,
  NO_RELATIVES_SCOPE_LABELS,
  NO_RELATIVES_SCOPES,
  POSITIVE_FACTOR_LABELS,
  POSITIVE_FACTORS,
  PREVENTION_MEASURE_LABELS,
  PREVENTION_MEASURES,
  RELATION_TRAIT_LABELS,
  RELATION_TRAITS,
  REPAIR_NEED_LABELS,
  REPAIR_NEEDS,
  RISK_FACTOR_LABELS,
  RISK_FACTORS,
  SANITARY_STATE_LABELS,
  SANITARY_STATES,
  YES_NO,
  YES_NO_LABELS,
  degreeLabel,
} from '../../../core/api/acts';
import type { ActForm, ActView } from '../../../core/api/processing';
import type { CaseView } from '../../../core/api/reception';
import type { PartialScaleAnswers } from '../../../core/domain/scales';
import { useApiMutation } from '../data/queries';
import { RuDateInput } from '../ui/RuDateInput';
import { ruDateTime } from '../format';
import { ScaleForm, ScaleTotal, scaleResult } from './ScaleForm';
import { useActForm, type CompareRequest } from './useActForm';
import { Guarded } from '../ui/Guarded';
import { printForm } from '../ui/download';

// ================================================================== shared pieces

/** Path access to a Mantine form without fighting its path types. */
export interface Bind {
  value(path: string): unknown;
  set(path: string, v: unknown): void;
  error(path: string): ReactNode;
  input(path: string): GetInputPropsReturnType & { value: string };
  add(path: string, item: unknown): void;
  remove(path: string, index: number): void;
}

/**
 * A Bind over the form of this render. Sections memoised with <Memo> may
 * keep the Bind of an earlier render: that is safe, because the form reads
 * values from its own ref (always current) and a section renders again
 * whenever the form's errors change (they are part of every Memo key).
 */
export function useBind(form: object): Bind {
  const f = form as unknown as UseFormReturnType<Record<string, unknown>>;
  return useMemo<Bind>(
    () => ({
      value: (p) => f.getInputProps(p).value,
      set: (p, v) => f.setFieldValue(p, v as never),
      error: (p) => f.getInputProps(p).error as ReactNode,
      input: (p) => {
        const props = f.getInputProps(p);
        return { ...props, value: (props.value as string | undefined) ?? '' };
      },
      add: (p, item) => f.insertListItem(p, item as never),
      remove: (p, i) => f.removeListItem(p, i),
    }),
    [f],
  );
}

/**
 * Renders its part of a long form again only when `dep` changes (a key of
 * the values it shows and of the form's errors): typing in one field does
 * not redraw the hundreds of inputs of the rest of the act.
 */
export const Memo = memo(
  function Memo({ render }: { dep: string; render: () => ReactNode }) {
    return <>{render()}</>;
  },
  (a, b) => a.dep === b.dep,
);

/** The key of some top-level fields of the act (plus errors and the lock), for <Memo>. */
export type Dep = (keys: string[]) => string;
export function depOf(act: ActData, extra: string): Dep {
  return (keys) => JSON.stringify(keys.map((k) => act[k])) + extra;
}

type Labels = Record<string, string>;

/** One «нужное подчеркнуть» option of a printed form: radios with the exact wording; can be cleared. */
export function Choice({
  b,
  path,
  label,
  codes,
  labels,
  description,
  testId,
}: {
  b: Bind;
  path: string;
  label: ReactNode;
  codes: readonly string[];
  labels: Labels;
  description?: ReactNode;
  testId?: string;
}) {
  const value = (b.value(path) as string | undefined) ?? '';
  const inline = codes.every((c) => labels[c].length <= 45);
  const Wrap = inline ? Group : Stack;
  return (
    <Radio.Group label={label} description={description} value={value} onChange={(v) => b.set(path, v)} error={b.error(path)} data-testid={testId}>
      <Wrap gap={inline ? 'lg' : 6} mt={6} align={inline ? 'center' : undefined}>
        {codes.map((c) => (
          <Radio key={c} value={c} label={labels[c]} />
        ))}
        {value && (
          <Box>
            <Button className="sd-edit-only" variant="subtle" color="gray" size="compact-xs" onClick={() => b.set(path, '')}>
              очистить выбор
            </Button>
          </Box>
        )}
      </Wrap>
    </Radio.Group>
  );
}

/** Several options of a choice: checkboxes with the exact wording. */
export function Checks({
  b,
  path,
  label,
  codes,
  labels,
  description,
  render,
}: {
  b: Bind;
  path: string;
  label: ReactNode;
  codes: readonly string[];
  labels: Labels;
  description?: ReactNode;
  /** Extra content under a checked option (e.g. its «указать» text). */
  render?: (code: string) => ReactNode;
}) {
  const value = (b.value(path) as string[] | undefined) ?? [];
  const inline = codes.every((c) => labels[c].length <= 30);
  const Wrap = inline ? Group : Stack;
  return (
    <Checkbox.Group label={label} description={description} value={value} onChange={(v) => b.set(path, v)} error={b.error(path)}>
      <Wrap gap={inline ? 'lg' : 6} mt={6}>
        {codes.map((c) => (
          <Box key={c}>
            <Checkbox value={c} label={labels[c]} />
            {render && value.includes(c) && (
              <Box pl={30} pt={4}>
                {render(c)}
              </Box>
            )}
          </Box>
        ))}
      </Wrap>
    </Checkbox.Group>
  );
}

export function DateField({ b, path, label, required, description }: { b: Bind; path: string; label: string; required?: boolean; description?: ReactNode }) {
  return (
    <RuDateInput
      label={label}
      required={required}
      description={description}
      value={(b.value(path) as string | undefined) ?? ''}
      onChange={(iso) => b.set(path, iso)}
      error={b.error(path)}
    />
  );
}

export function Field({ b, path, label, description, placeholder, w }: { b: Bind; path: string; label: string; description?: ReactNode; placeholder?: string; w?: number }) {
  return <TextInput label={label} description={description} placeholder={placeholder} w={w} {...b.input(path)} />;
}

export function Area({ b, path, label, description }: { b: Bind; path: string; label: string; description?: ReactNode }) {
  return <Textarea label={label} description={description} autosize minRows={1} maxRows={8} {...b.input(path)} />;
}

export interface RowColumn {
  key: string;
  title: string;
  kind?: 'text' | 'date' | 'area';
  width?: number;
  placeholder?: string;
}

/** An editable table of the act: a row per person or item, added and removed with buttons. */
export function RowsTable({
  b,
  path,
  what,
  columns,
  row,
  max,
  addLabel,
  label,
  minWidth = 700,
  testId,
}: {
  b: Bind;
  path: string;
  /** Names the table in the inputs' labels: «{what}: Ф.И.О., строка 1». */
  what: string;
  columns: RowColumn[];
  row: Record<string, string>;
  max: number;
  addLabel: string;
  label?: ReactNode;
  minWidth?: number;
  testId?: string;
}) {
  const rows = (b.value(path) as Record<string, string>[] | undefined) ?? [];
  const tableError = b.error(path);
  return (
    <Input.Wrapper label={label} error={tableError} data-testid={testId}>
      <Stack gap={6} mt={label ? 4 : 0}>
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={minWidth} type="native">
            <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={32}>№</Table.Th>
                  {columns.map((c) => (
                    <Table.Th key={c.key} w={c.width}>
                      {c.title}
                    </Table.Th>
                  ))}
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((_, i) => (
                  <Table.Tr key={i}>
                    <Table.Td ta="center">{i + 1}</Table.Td>
                    {columns.map((c) => {
                      const p = `${path}.${i}.${c.key}`;
                      const aria = `${what}: ${c.title}, строка ${i + 1}`;
                      return (
                        <Table.Td key={c.key} style={{ verticalAlign: 'top' }}>
                          {c.kind === 'date' ? (
                            <RuDateInput size="xs" aria-label={aria} value={(b.value(p) as string) ?? ''} onChange={(iso) => b.set(p, iso)} error={b.error(p)} />
                          ) : c.kind === 'area' ? (
                            <Textarea size="xs" aria-label={aria} autosize minRows={1} maxRows={4} placeholder={c.placeholder} {...b.input(p)} />
                          ) : (
                            <TextInput size="xs" aria-label={aria} placeholder={c.placeholder} {...b.input(p)} />
                          )}
                        </Table.Td>
                      );
                    })}
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <ActionIcon className="sd-edit-only" variant="subtle" color="red" aria-label={`${what}: удалить строку ${i + 1}`} title="Удалить строку" onClick={() => b.remove(path, i)}>
                        ×
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group gap="xs" className="sd-edit-only">
          <Button size="xs" variant="light" disabled={rows.length >= max} onClick={() => b.add(path, { ...row })}>
            {addLabel}
          </Button>
          {rows.length === 0 && (
            <Text size="xs" c="dimmed">
              Строк нет.
            </Text>
          )}
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

/** A list of one-line texts (e.g. the kinds of social escort). */
export function TextRows({ b, path, what, max, addLabel, label }: { b: Bind; path: string; what: string; max: number; addLabel: string; label: ReactNode }) {
  const rows = (b.value(path) as string[] | undefined) ?? [];
  return (
    <Input.Wrapper label={label}>
      <Stack gap={6} mt={4}>
        {rows.map((_, i) => (
          <Group key={i} gap="xs" wrap="nowrap">
            <Text size="sm" w={24} ta="right">
              {i + 1}.
            </Text>
            <TextInput style={{ flex: 1 }} aria-label={`${what}, строка ${i + 1}`} {...b.input(`${path}.${i}`)} />
            <ActionIcon className="sd-edit-only" variant="subtle" color="red" aria-label={`${what}: удалить строку ${i + 1}`} title="Удалить строку" onClick={() => b.remove(path, i)}>
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group className="sd-edit-only">
          <Button size="xs" variant="light" disabled={rows.length >= max} onClick={() => b.add(path, '')}>
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

// ------------------------------------------------------------------ act values

const TPL = Symbol('template');
type Tpl = string | boolean | { [TPL]: 'multi' } | { [TPL]: 'list'; initial: number } | { [TPL]: 'rows'; row: Record<string, string>; initial: number } | { [k: string]: Tpl };

export const multi = (): Tpl => ({ [TPL]: 'multi' }) as Tpl;
export const list = (initial = 0): Tpl => ({ [TPL]: 'list', initial }) as Tpl;
export const rowsOf = (row: Record<string, string>, initial = 0): Tpl => ({ [TPL]: 'rows', row, initial }) as Tpl;

/**
 * The form's values from a saved act: every field present (text '' for
 * empty, numbers as text, arrays for multiple choices and tables), so the
 * inputs stay controlled. The backend reads '' as «not filled».
 */
export function fromSaved(tpl: Tpl, saved: unknown): unknown {
  if (typeof tpl === 'string') return typeof saved === 'string' ? saved : typeof saved === 'number' ? String(saved) : tpl;
  if (typeof tpl === 'boolean') return saved === true;
  const mark = (tpl as { [TPL]?: string })[TPL];
  if (mark === 'multi') return Array.isArray(saved) ? saved.filter((s) => typeof s === 'string') : [];
  if (mark === 'list') {
    const t = tpl as { initial: number };
    const a = Array.isArray(saved) ? saved.filter((s) => typeof s === 'string') : [];
    return a.length ? a : Array.from({ length: t.initial }, () => '');
  }
  if (mark === 'rows') {
    const t = tpl as { row: Record<string, string>; initial: number };
    const a = Array.isArray(saved) ? saved : [];
    return a.length ? a.map((r) => fromSaved(t.row as Tpl, r)) : Array.from({ length: t.initial }, () => ({ ...t.row }));
  }
  const obj = saved && typeof saved === 'object' ? (saved as Record<string, unknown>) : {};
  return Object.fromEntries(Object.entries(tpl as Record<string, Tpl>).map(([k, t]) => [k, fromSaved(t, obj[k])]));
}

export const SIGNER_ROW = { position: '', fullName: '' };
const SIGNER_COLUMNS: RowColumn[] = [
  { key: 'position', title: 'Должность (для присутствующих — статус, степень родства)' },
  { key: 'fullName', title: 'Ф.И.О.' },
];
export const CITIZEN_SIGNATURE_TPL = { fullName: '', confirmed: false, pdConsent: false, date: '' };

const HOUSEHOLD_ROW = { fullName: '', birthYear: '', relation: '', support: '', workOrStudy: '', category: '' };
const MEMBER_ROW = { fullName: '', birthDate: '', relation: '', workOrStudy: '', category: '' };

export const CITIZEN_TPL: Tpl = {
  date: '',
  number: '',
  organization: '',
  fullName: '',
  surveyAddress: '',
  categories: multi(),
  disabilityGroup: '',
  health: {
    diseases: '',
    medicalVisits: '',
    prevention: multi(),
    preventionOther: '',
    ipr: '',
    iprNumber: '',
    iprIssueDate: '',
    iprIssuer: '',
    iprAbsentNote: '',
    concerns: '',
    districtDoctor: '',
  },
  familyStatus: '',
  household: rowsOf(HOUSEHOLD_ROW),
  relations: '',
  relationsOther: '',
  badHabits: '',
  badHabitsWhich: '',
  conflicts: multi(),
  conflictsNote: '',
  housing: { type: '', rooms: '', other: '', floor: '', lift: '', ramp: '' },
  amenities: { heating: multi(), water: multi(), sewerage: '', other: '' },
  furnishings: { furniture: '', appliances: '', rehabAids: '' },
  distances: { transport: '', shops: '', post: '', utilities: '', waterSource: '' },
  noHousingReason: '',
  perCapitaIncome: '',
  additionalInfo: '',
  riskFactors: multi(),
  noRelativesScope: '',
  riskOther: '',
  positiveFactors: multi(),
  positiveOther: '',
  householdActivity: '',
  independentLiving: '',
  independentOfHelp: '',
  socialIntegration: '',
  adaptation: '',
  compensation: '',
  degree: '',
  helpKind: '',
  helpReasons: multi(),
  helpOther: '',
  compiledBy: rowsOf(SIGNER_ROW, 1),
  present: rowsOf(SIGNER_ROW),
  signaturesDate: '',
  citizen: CITIZEN_SIGNATURE_TPL,
};

export const FAMILY_TPL: Tpl = {
  date: '',
  number: '',
  organization: '',
  fullName: '',
  surveyAddress: '',
  socialStatus: multi(),
  members: rowsOf(MEMBER_ROW, 1),
  circumstances: multi(),
  familyInfo: '',
  housing: {
    type: '',
    other: '',
    owner: '',
    ownershipKind: '',
    area: '',
    rooms: '',
    sanitary: '',
    repair: '',
    heating: multi(),
    amenities: multi(),
  },
  noHousingReason: '',
  housingInfo: '',
  relationProblems: '',
  relationTraits: multi(),
  parentsCharacteristic: '',
  income: {
    members: '',
    alimony: '',
    funds: '',
    other: '',
    perCapitaDate: '',
    perCapita: '',
    supportMeasures: '',
    mandatoryExpenses: '',
    info: '',
  },
  conclusion: '',
  compiledBy: rowsOf(SIGNER_ROW, 1),
  present: rowsOf(SIGNER_ROW),
  signaturesDate: '',
  citizen: CITIZEN_SIGNATURE_TPL,
};

/** The act's values as the form holds them (loosely typed: the backend validates). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the form's values by string path; the act's zod schema checks them at the API (typed act forms are issue 13's)
export type ActData = Record<string, any>;

export type ActValues = {
  act: Record<string, unknown>;
  barthel: PartialScaleAnswers;
  lawton: PartialScaleAnswers;
};

export const applicantFullName = (c: CaseView) => [c.applicant.lastName, c.applicant.firstName, c.applicant.middleName].filter(Boolean).join(' ');
export const applicantAddress = (c: CaseView) => c.applicant.actualAddress || c.applicant.regAddress;

function numbersOnly(a: Record<string, unknown> | null | undefined): PartialScaleAnswers {
  return Object.fromEntries(Object.entries(a ?? {}).filter(([, v]) => typeof v === 'number')) as PartialScaleAnswers;
}

// ------------------------------------------------------------------ the act's frame (status, save, print)

/** «Заполнен полностью / не полностью / не сохранён», and what is missing. */
export function ActStatus({ form, saved, dirty }: { form: ActForm; saved: ActView | undefined; dirty: boolean }) {
  return (
    <Group gap="xs">
      <Badge
        data-testid={`act-status-${form}`}
        data-complete={saved ? String(saved.complete) : 'none'}
        tt="none"
        size="lg"
        variant="light"
        color={!saved ? 'gray' : saved.complete ? 'green' : 'yellow'}
      >
        {!saved ? 'Не сохранён' : saved.complete ? 'Заполнен полностью' : 'Заполнен не полностью'}
      </Badge>
      {dirty && (
        <Badge tt="none" size="lg" variant="outline" color="orange">
          Есть несохранённые изменения
        </Badge>
      )}
      {saved && (
        <Text size="xs" c="dimmed">
          Сохранён {ruDateTime(saved.updatedAt)}, {saved.updatedByName}
        </Text>
      )}
    </Group>
  );
}

/** Someone saved the act while this desk was typing: say so before the save is refused. */
export function ChangedMeanwhile({ saved, onCompare, onTakeSaved }: { saved: ActView | undefined; onCompare?: () => void; onTakeSaved: () => void }) {
  return (
    <Alert color="orange" variant="light" title="Акт изменён другим пользователем" data-testid="act-changed-meanwhile">
      <Stack gap="xs">
        <Text size="sm">
          Пока вы вносили изменения, акт сохранил(а) {saved ? `${saved.updatedByName} (${ruDateTime(saved.updatedAt)})` : 'другой пользователь'}. Ваши изменения не сохранены и остаются
          в форме.
        </Text>
        <Group gap="xs">
          {onCompare && (
            <Button size="xs" variant="light" onClick={onCompare}>
              Сравнить версии
            </Button>
          )}
          <Button size="xs" variant="default" onClick={onTakeSaved}>
            Загрузить сохранённую версию
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

export function MissingAlert({ saved }: { saved: ActView | undefined }) {
  if (!saved || saved.complete) return null;
  return (
    <Alert color="yellow" variant="light" title={`Не заполнено: ${saved.missing.length}`} data-testid="act-missing">
      <Spoiler maxHeight={96} showLabel="показать всё" hideLabel="свернуть" fz="sm">
        <List size="sm" spacing={2}>
          {saved.missing.map((m, i) => (
            <List.Item key={i}>{m}</List.Item>
          ))}
        </List>
      </Spoiler>
    </Alert>
  );
}

export interface ActFormProps {
  c: CaseView;
  saved: ActView | undefined;
  /** Why the act cannot be edited now; null when it can. */
  lockReason: string | null;
  /** A note above the form (e.g. that saving replaces the other version). */
  notice?: ReactNode;
  /** Told whether the form has unsaved changes. */
  onDirty?(dirty: boolean): void;
  /** Offers the side-by-side comparison when someone else saved the act meanwhile. */
  onCompare?(r: CompareRequest): void;
  /** Shown read-only without its toolbar (one side of the comparison). */
  bare?: boolean;
}

// ================================================================== the Appendix 3 form

export function Appendix3Form({ variant, ...props }: ActFormProps & { variant: 'citizen' | 'family' }) {
  const { c, saved, notice, onDirty, onCompare, bare } = props;
  const lockReason = bare ? 'Сравнение версий: только просмотр.' : props.lockReason;
  const formName: ActForm = variant === 'citizen' ? 'appendix3-citizen' : 'appendix3-family';
  const tpl = variant === 'citizen' ? CITIZEN_TPL : FAMILY_TPL;

  const toValues = (a: ActView | undefined): ActValues =>
    a
      ? { act: fromSaved(tpl, a.act) as Record<string, unknown>, barthel: numbersOnly(a.barthel), lawton: numbersOnly(a.lawton) }
      : { act: fromSaved(tpl, { fullName: applicantFullName(c), surveyAddress: applicantAddress(c), citizen: { fullName: applicantFullName(c) } }) as Record<string, unknown>, barthel: {}, lawton: {} };
  const edit = useActForm({
    c,
    saved,
    formName,
    toValues,
    toInput: (v) => ({ act: v.act, barthel: numbersOnly(v.barthel), lawton: numbersOnly(v.lawton) }),
    bare,
    onDirty,
    onCompare,
    savedMessage: (fresh) => (fresh?.complete ? 'Акт сохранён: заполнен полностью' : 'Акт сохранён (заполнен не полностью)'),
  });
  const { form, dirty, submit } = edit;
  const b = useBind(form);
  const [printing, setPrinting] = useState<string | null>(null);
  const printAct = useApiMutation('acts.print');
  const printBlank = useApiMutation('acts.blank');
  const print = (what: 'act' | 'barthel' | 'lawton') =>
    printForm(
      () => printAct.mutateAsync({ caseId: c.id, form: what === 'act' ? formName : what }),
      (on) => setPrinting(on ? what : null),
    );
  const blank = (f: 'appendix3-citizen' | 'appendix3-family' | 'barthel' | 'lawton') =>
    printForm(
      () => printBlank.mutateAsync({ form: f, caseId: c.id }),
      (on) => setPrinting(on ? 'blank' : null),
    );
  const printReason = !saved ? 'Сначала сохраните акт' : dirty ? 'Сохраните изменения: печатается сохранённый акт' : null;
  const anyAppendix3 = c.acts.some((a) => a.form !== 'appendix4');
  const scalesReason = !anyAppendix3 ? 'Сначала сохраните акт с анкетами' : dirty ? 'Сохраните изменения: печатается сохранённая анкета' : null;

  const barthel = form.getValues().barthel;
  const lawton = form.getValues().lawton;
  const bR = scaleResult('barthel', barthel);
  const lR = scaleResult('lawton', lawton);
  const act = form.getValues().act as ActData;
  const dep = depOf(act, JSON.stringify(form.errors) + String(!!lockReason));

  return (
    <form onSubmit={submit} noValidate aria-label={bare ? undefined : variant === 'citizen' ? 'Акт обследования гражданина' : 'Акт обследования семьи'}>
      <Stack gap="md">
        {!bare && (
        <ActToolbar>
          <ActStatus form={formName} saved={saved} dirty={dirty} />
          <Group gap="xs">
            <Guarded type="submit" reason={lockReason} loading={edit.saving}>
              Сохранить
            </Guarded>
            <Guarded variant="default" reason={printReason} loading={printing === 'act'} onClick={() => print('act')}>
              Печать акта
            </Guarded>
            <Guarded variant="default" reason={scalesReason} loading={printing === 'barthel'} onClick={() => print('barthel')}>
              Печать: индекс Бартела
            </Guarded>
            <Guarded variant="default" reason={scalesReason} loading={printing === 'lawton'} onClick={() => print('lawton')}>
              Печать: шкала Лаутона
            </Guarded>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="subtle" loading={printing === 'blank'}>
                  Пустой бланк
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>Для выезда на обследование</Menu.Label>
                <Menu.Item onClick={() => blank(formName as 'appendix3-citizen')}>
                  {variant === 'citizen' ? 'Акт обследования гражданина' : 'Акт обследования семьи'}
                </Menu.Item>
                <Menu.Item onClick={() => blank('barthel')}>Анкета: индекс Бартела</Menu.Item>
                <Menu.Item onClick={() => blank('lawton')}>Анкета: шкала Лаутона</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </ActToolbar>
        )}
        {lockReason && !bare && (
          <Text size="sm" c="dimmed">
            {lockReason}
          </Text>
        )}
        {!bare && notice}
        {edit.changedMeanwhile && <ChangedMeanwhile saved={saved} onCompare={onCompare ? edit.compare : undefined} onTakeSaved={edit.takeSaved} />}
        {!bare && <MissingAlert saved={saved} />}

        <Fieldset variant="unstyled" disabled={!!lockReason} p={0} className={lockReason ? READ_ONLY_CLASS : undefined}>
          <Stack gap="md">
            <Memo dep={dep(['number', 'date', 'organization', 'fullName'])} render={() => <ActHeader b={b} />} />
            {variant === 'citizen' ? <CitizenBody b={b} act={act} dep={dep} /> : <FamilyBody b={b} act={act} dep={dep} />}

            <Fieldset legend="Анкеты: шкала Бартела и шкала Лаутона (прилагаются к акту)">
              <Stack gap="md">
                <Memo dep={JSON.stringify(barthel)} render={() => <ScaleForm kind="barthel" answers={barthel} onAnswer={(k, i) => b.set(`barthel.${k}`, i)} />} />
                <Memo dep={JSON.stringify(lawton)} render={() => <ScaleForm kind="lawton" answers={lawton} onAnswer={(k, i) => b.set(`lawton.${k}`, i)} />} />
                <Paper withBorder p="sm" bg="gray.0">
                  <Group gap="lg">
                    <Text size="sm">
                      Количество баллов по шкале Бартела: <b>{bR.complete ? bR.score : '—'}</b>
                    </Text>
                    <Text size="sm">
                      по шкале Лаутона: <b>{lR.complete ? lR.score : '—'}</b>
                    </Text>
                    <Text size="sm">
                      Сумма баллов: <b>{bR.complete && lR.complete ? bR.score + lR.score : '—'}</b>
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed" mt={4}>
                    В акт переносятся баллы только полностью заполненной анкеты.
                  </Text>
                </Paper>
              </Stack>
            </Fieldset>

            {variant === 'citizen' && (
              <Memo
                dep={dep(CONCLUSION_KEYS) + JSON.stringify([barthel, lawton])}
                render={() => <CitizenConclusion b={b} act={act} barthel={barthel} lawton={lawton} />}
              />
            )}
            {variant === 'family' && (
              <Memo
                dep={dep(['conclusion'])}
                render={() => (
                  <Fieldset legend="Заключение комиссии">
                    <Area b={b} path="act.conclusion" label="Заключение комиссии по итогам проведения оценки потребности в предоставлении социальных услуг" />
                  </Fieldset>
                )}
              />
            )}
            <Memo
              dep={dep(SIGNATURE_KEYS)}
              render={() => (
                <Signatures b={b} what={variant === 'citizen' ? 'акт обследования социально-бытовых условий гражданина' : 'акт обследования социально-бытовых условий семьи'} />
              )}
            />
          </Stack>
        </Fieldset>
      </Stack>
    </form>
  );
}

export const SIGNATURE_KEYS = ['compiledBy', 'present', 'signaturesDate', 'citizen'];
const CONCLUSION_KEYS = [
  'householdActivity',
  'independentLiving',
  'independentOfHelp',
  'socialIntegration',
  'adaptation',
  'compensation',
  'degree',
  'helpKind',
  'helpReasons',
  'helpOther',
];

/**
 * Forms shown to someone who may not change them (another role, a signed or
 * closed case) stay readable: disabled inputs keep the text colour, chosen
 * options stay marked, and the add / clear buttons are hidden.
 */
export const READ_ONLY_CLASS = 'sd-readonly';
const READ_ONLY_CSS = `
.sd-readonly input:disabled, .sd-readonly textarea:disabled, .sd-readonly select:disabled { opacity: 1; color: var(--mantine-color-text); cursor: default; }
.sd-readonly input[type='radio']:disabled:checked, .sd-readonly input[type='checkbox']:disabled:checked { background-color: var(--mantine-color-blue-filled); border-color: var(--mantine-color-blue-filled); }
.sd-readonly input:disabled:checked + svg { color: var(--mantine-color-white); --radio-icon-color: var(--mantine-color-white); }
.sd-readonly label[class] { color: var(--mantine-color-text); cursor: default; }
.sd-readonly .sd-edit-only { display: none; }
`;
export function ReadOnlyStyle() {
  return <style>{READ_ONLY_CSS}</style>;
}

/** A heading inside a section of the act («Наличие благоустройств», «Обстановка в квартире»). */
export function SubHead({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" fw={700} c="dark.4" mt={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} pb={2}>
      {children}
    </Text>
  );
}

/** The save / print bar, kept in view while the long act is scrolled. */
export function ActToolbar({ children }: { children: ReactNode }) {
  return (
    <Paper
      withBorder
      p="xs"
      shadow="xs"
      style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 56px) + 4px)', zIndex: 5 }}
    >
      <Group justify="space-between" gap="xs">
        {children}
      </Group>
    </Paper>
  );
}

export function ActHeader({ b }: { b: Bind }) {
  return (
    <Fieldset legend="Реквизиты акта">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <Field b={b} path="act.number" label="Номер акта" />
        <DateField b={b} path="act.date" label="Дата акта" />
      </SimpleGrid>
      <Stack gap="xs" mt="xs">
        <Field b={b} path="act.organization" label="Наименование организации социального обслуживания" />
        <Field b={b} path="act.fullName" label="Ф.И.О. гражданина" />
      </Stack>
    </Fieldset>
  );
}

export function Categories({ b, act }: { b: Bind; act: ActData }) {
  const disabled = (act.categories as string[]).includes('disabled');
  return (
    <>
      <Checks b={b} path="act.categories" label="Категория гражданина (нужное подчеркнуть)" codes={CITIZEN_CATEGORIES} labels={CITIZEN_CATEGORY_LABELS} />
      {disabled && (
        <Choice
          b={b}
          path="act.disabilityGroup"
          label="Группа инвалидности («инвалид ___ группы»)"
          codes={DISABILITY_GROUPS}
          labels={{ I: 'I группа', II: 'II группа', III: 'III группа' }}
        />
      )}
    </>
  );
}

function CitizenBody({ b, act, dep }: { b: Bind; act: ActData; dep: Dep }) {
  return (
    <>
      <Memo
        dep={dep(['surveyAddress', 'categories', 'disabilityGroup'])}
        render={() => (
        <Fieldset legend="Гражданин">
        <Stack gap="sm">
          <Field b={b} path="act.surveyAddress" label="Адрес проживания, по которому проведено обследование" />
          <Categories b={b} act={act} />
        </Stack>
        </Fieldset>
        )}
      />

      <Memo
        dep={dep(['health'])}
        render={() => (
        <Fieldset legend="Физическое здоровье">
        <Stack gap="sm">
          <Area b={b} path="act.health.diseases" label="Наличие заболевания" />
          <Field b={b} path="act.health.medicalVisits" label="Частота обращений в медицинские организации" />
          <Checks
            b={b}
            path="act.health.prevention"
            label="Профилактические мероприятия по укреплению здоровья (нужное подчеркнуть)"
            codes={PREVENTION_MEASURES}
            labels={PREVENTION_MEASURE_LABELS}
            render={(code) => (code === 'other' ? <Field b={b} path="act.health.preventionOther" label="Другие меры" /> : null)}
          />
          <Choice
            b={b}
            path="act.health.ipr"
            label="Наличие действующей индивидуальной программы реабилитации инвалида, выданной учреждением медико-социальной экспертизы"
            codes={YES_NO}
            labels={YES_NO_LABELS}
          />
          {act.health.ipr === 'yes' && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Field b={b} path="act.health.iprNumber" label="Номер ИПР" />
              <DateField b={b} path="act.health.iprIssueDate" label="Дата выдачи ИПР" />
              <Field b={b} path="act.health.iprIssuer" label="Кем выдана ИПР" />
            </SimpleGrid>
          )}
          {act.health.ipr === 'no' && <Field b={b} path="act.health.iprAbsentNote" label="Примечание (ИПР нет)" />}
          <Area b={b} path="act.health.concerns" label="Наличие беспокойства у гражданина в состоянии здоровья" />
          <Field b={b} path="act.health.districtDoctor" label="Ф.И.О. участкового врача" />
        </Stack>
        </Fieldset>
        )}
      />

      <Memo
        dep={dep(['familyStatus', 'household', 'relations', 'relationsOther', 'badHabits', 'badHabitsWhich', 'conflicts', 'conflictsNote'])}
        render={() => (
        <Fieldset legend="Семейное положение">
        <Stack gap="sm">
          <Choice b={b} path="act.familyStatus" label="Семейный статус гражданина (нужное подчеркнуть)" codes={FAMILY_STATUSES} labels={FAMILY_STATUS_LABELS} />
          <RowsTable
            b={b}
            path="act.household"
            what="Совместно проживающие"
            label="Лица, совместно проживающие с гражданином"
            row={HOUSEHOLD_ROW}
            max={20}
            addLabel="Добавить совместно проживающего"
            minWidth={1000}
            columns={[
              { key: 'fullName', title: 'Ф.И.О.', width: 200 },
              { key: 'birthYear', title: 'Год рождения', width: 90 },
              { key: 'relation', title: 'Степень родства', width: 120 },
              { key: 'support', title: 'Виды поддержки, ухода, помощи', kind: 'area' },
              { key: 'workOrStudy', title: 'Место работы / учебы' },
              { key: 'category', title: 'Категория лица' },
            ]}
          />
          <Choice
            b={b}
            path="act.relations"
            label="Социально-бытовые взаимоотношения совместно проживающих с гражданином (нужное подчеркнуть)"
            codes={HOUSEHOLD_RELATIONS}
            labels={HOUSEHOLD_RELATIONS_LABELS}
          />
          {act.relations === 'other' && <Field b={b} path="act.relationsOther" label="Взаимоотношения: иное (указать)" />}
          <Choice b={b} path="act.badHabits" label="Наличие вредных привычек у гражданина, совместно проживающих с ним лиц" codes={YES_NO} labels={YES_NO_LABELS} />
          {act.badHabits === 'yes' && <Field b={b} path="act.badHabitsWhich" label="Какие вредные привычки" />}
          <Checks b={b} path="act.conflicts" label="Наличие внутрисемейных конфликтов (нужное указать)" codes={FAMILY_CONFLICTS} labels={FAMILY_CONFLICT_LABELS} />
          <Field b={b} path="act.conflictsNote" label="Внутрисемейные конфликты: пояснение" />
        </Stack>
        </Fieldset>
        )}
      />

      <Memo
        dep={dep(['housing', 'amenities', 'furnishings', 'distances', 'noHousingReason'])}
        render={() => (
        <Fieldset legend="Жилищно-бытовые условия">
        <Stack gap="sm">
          <Choice b={b} path="act.housing.type" label="Жилищные условия проживания (нужное указать)" codes={CITIZEN_HOUSING_TYPES} labels={CITIZEN_HOUSING_TYPE_LABELS} />
          {act.housing.type === 'other' && <Field b={b} path="act.housing.other" label="Вид жилья: другое" />}
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
            <Field b={b} path="act.housing.rooms" label="Количество комнат" />
            <Field b={b} path="act.housing.floor" label="Этаж" />
            <Choice b={b} path="act.housing.lift" label="Лифт" codes={YES_NO} labels={YES_NO_LABELS} />
            <Choice b={b} path="act.housing.ramp" label="Пандус" codes={YES_NO} labels={YES_NO_LABELS} />
          </SimpleGrid>
          <SubHead>Наличие благоустройств (нужное подчеркнуть)</SubHead>
          <Checks b={b} path="act.amenities.heating" label="Отопление" codes={CITIZEN_HEATING} labels={CITIZEN_HEATING_LABELS} />
          <Checks b={b} path="act.amenities.water" label="Водоснабжение" codes={CITIZEN_WATER} labels={CITIZEN_WATER_LABELS} />
          <Choice b={b} path="act.amenities.sewerage" label="Канализация" codes={YES_NO} labels={YES_NO_LABELS} />
          <Field b={b} path="act.amenities.other" label="Благоустройства: другое (указать)" />
          <SubHead>Обстановка в квартире</SubHead>
          <Field b={b} path="act.furnishings.furniture" label="Наличие необходимой мебели (указать какой)" />
          <Field b={b} path="act.furnishings.appliances" label="Наличие бытовой техники (указать какой)" />
          <Field
            b={b}
            path="act.furnishings.rehabAids"
            label="Наличие специальных средств для адаптации инвалида, ребенка-инвалида в быту (технических средств реабилитации) (указать каких)"
          />
          <SubHead>Удаленность жилья от (км)</SubHead>
          <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} spacing="sm" style={{ alignItems: 'end' }}>
            <Field b={b} path="act.distances.transport" label="Остановки транспорта, км" />
            <Field b={b} path="act.distances.shops" label="Магазинов, км" />
            <Field b={b} path="act.distances.post" label="Почты, км" />
            <Field b={b} path="act.distances.utilities" label="Жилищно-коммунальных учреждений, км" />
            <Field b={b} path="act.distances.waterSource" label="Источника водоснабжения, км" />
          </SimpleGrid>
          <Field b={b} path="act.noHousingReason" label="Отсутствие жилья (причины)" />
        </Stack>
        </Fieldset>
        )}
      />

      <Memo
        dep={dep(['perCapitaIncome', 'additionalInfo'])}
        render={() => (
        <Fieldset legend="Социально-экономический статус">
        <Stack gap="sm">
          <Field b={b} path="act.perCapitaIncome" label="Среднедушевой доход гражданина (семьи), рублей" placeholder="например, 18 540,25" w={280} />
          <Area b={b} path="act.additionalInfo" label="Дополнительные данные" />
        </Stack>
        </Fieldset>
        )}
      />

      <Memo
        dep={dep(['riskFactors', 'noRelativesScope', 'riskOther', 'positiveFactors', 'positiveOther'])}
        render={() => (
        <Fieldset legend="Выявленные факторы">
        <Stack gap="sm">
          <Checks
            b={b}
            path="act.riskFactors"
            label="Выявленные факторы риска (нужное указать)"
            codes={RISK_FACTORS}
            labels={RISK_FACTOR_LABELS}
            render={(code) =>
              code === 'no_relatives' ? (
                <Choice b={b} path="act.noRelativesScope" label="Отсутствие членов семьи, родственников" codes={NO_RELATIVES_SCOPES} labels={NO_RELATIVES_SCOPE_LABELS} />
              ) : code === 'other' ? (
                <Field b={b} path="act.riskOther" label="Другие факторы риска (указать какие)" />
              ) : null
            }
          />
          <Checks
            b={b}
            path="act.positiveFactors"
            label="Выявленные факторы, положительно влияющие на жизнедеятельность гражданина (нужное указать)"
            codes={POSITIVE_FACTORS}
            labels={POSITIVE_FACTOR_LABELS}
            render={(code) => (code === 'other' ? <Field b={b} path="act.positiveOther" label="Другие положительные факторы (указать какие)" /> : null)}
          />
        </Stack>
        </Fieldset>
        )}
      />
    </>
  );
}

function CitizenConclusion({ b, act, barthel, lawton }: { b: Bind; act: ActData; barthel: PartialScaleAnswers; lawton: PartialScaleAnswers }) {
  return (
    <Fieldset legend="Оценка способностей и заключение">
      <Stack gap="sm">
        <Choice b={b} path="act.householdActivity" label="Возможность выполнения бытовой деятельности" codes={ABILITY_LOSS} labels={ABILITY_LOSS_LABELS} />
        <Choice b={b} path="act.independentLiving" label="Способность к самостоятельному проживанию" codes={ABILITY_LOSS} labels={ABILITY_LOSS_LABELS} />
        <Choice
          b={b}
          path="act.independentOfHelp"
          label="Способность к независимой от посторонней постоянной помощи жизни"
          codes={ABILITY_LOSS}
          labels={ABILITY_LOSS_LABELS}
        />
        <Choice b={b} path="act.socialIntegration" label="Способность к интеграции в общество" codes={INTEGRATION_ABILITY} labels={INTEGRATION_ABILITY_LABELS} />
        <Choice b={b} path="act.adaptation" label="Степень социально-бытовой адаптации" codes={ADAPTATION_DEGREES} labels={ADAPTATION_DEGREE_LABELS} />
        <Choice b={b} path="act.compensation" label="Стремление к компенсации имеющихся нарушений" codes={COMPENSATION_DRIVE} labels={COMPENSATION_DRIVE_LABELS} />
        <Group align="flex-end" gap="md">
          <NativeSelect
            label="Заключение: степень"
            description="По выполнению различных видов жизнедеятельности"
            w={340}
            data={[{ value: '', label: '— выберите —' }, ...DEGREES.map((d) => ({ value: String(d), label: degreeLabel(d) }))]}
            {...b.input('act.degree')}
          />
          <Stack gap={2} pb={4}>
            <Text size="xs" c="dimmed">
              выбирается специалистом
            </Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                Для сведения:
              </Text>
              <ScaleTotal kind="barthel" answers={barthel} />
              <ScaleTotal kind="lawton" answers={lawton} />
            </Group>
          </Stack>
        </Group>
        <Choice b={b} path="act.helpKind" label="Потребность в посторонней помощи" codes={HELP_KINDS} labels={HELP_KIND_LABELS} />
        <Checks
          b={b}
          path="act.helpReasons"
          label="…вследствие (нужное подчеркнуть)"
          codes={HELP_REASONS}
          labels={HELP_REASON_LABELS}
          render={(code) => (code === 'other' ? <Field b={b} path="act.helpOther" label="Иные обстоятельства (указать)" /> : null)}
        />
        {act.degree === '' && (
          <Text size="xs" c="dimmed">
            Степень выбирается специалистом по совокупности сведений акта; баллы шкал её не определяют.
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}

function FamilyBody({ b, act, dep }: { b: Bind; act: ActData; dep: Dep }) {
  return (
    <>
      <Memo
        dep={dep(['surveyAddress', 'socialStatus', 'members', 'circumstances', 'familyInfo'])}
        render={() => (
        <Fieldset legend="Сведения о семье">
        <Stack gap="sm">
          <Field b={b} path="act.surveyAddress" label="Адрес проживания, по которому проведено обследование" />
          <Checks b={b} path="act.socialStatus" label="Социальный статус семьи (нужное подчеркнуть)" codes={FAMILY_SOCIAL_STATUSES} labels={FAMILY_SOCIAL_STATUS_LABELS} />
          <RowsTable
            b={b}
            path="act.members"
            what="Состав семьи"
            label="Состав семьи"
            row={MEMBER_ROW}
            max={20}
            addLabel="Добавить члена семьи"
            minWidth={900}
            columns={[
              { key: 'fullName', title: 'Ф.И.О.', width: 220 },
              { key: 'birthDate', title: 'Дата рождения', kind: 'date', width: 120 },
              { key: 'relation', title: 'Степень родства', width: 130 },
              { key: 'workOrStudy', title: 'Место работы / учебы' },
              { key: 'category', title: 'Категория лица' },
            ]}
          />
          <Checks
            b={b}
            path="act.circumstances"
            label="Существуют ли обстоятельства, которые ухудшают или могут ухудшить условия жизнедеятельности одного из членов семьи (нужное подчеркнуть)"
            codes={FAMILY_CIRCUMSTANCES}
            labels={FAMILY_CIRCUMSTANCE_LABELS}
          />
          <Area b={b} path="act.familyInfo" label="Дополнительная информация о семье" />
        </Stack>
        </Fieldset>
        )}
      />

      <Memo
        dep={dep(['housing', 'noHousingReason', 'housingInfo'])}
        render={() => (
        <Fieldset legend="Жилищные условия">
        <Stack gap="sm">
          <Choice
            b={b}
            path="act.housing.type"
            label="Жилищные условия семьи по месту фактического проживания (нужное подчеркнуть)"
            codes={FAMILY_HOUSING_TYPES}
            labels={FAMILY_HOUSING_TYPE_LABELS}
          />
          {act.housing.type === 'other' && <Field b={b} path="act.housing.other" label="Вид жилья: иное (указать)" />}
          <Choice b={b} path="act.housing.owner" label="Форма собственности жилья" codes={HOUSING_OWNERS} labels={HOUSING_OWNER_LABELS} />
          <Choice b={b} path="act.housing.ownershipKind" label="Вид жилого помещения" codes={HOUSING_OWNERSHIP_KINDS} labels={HOUSING_OWNERSHIP_KIND_LABELS} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Field b={b} path="act.housing.area" label="Занимаемая площадь, кв. м" />
            <Field b={b} path="act.housing.rooms" label="Количество комнат" />
          </SimpleGrid>
          <Choice b={b} path="act.housing.sanitary" label="Состояние жилья: санитарно-гигиеническое" codes={SANITARY_STATES} labels={SANITARY_STATE_LABELS} />
          <Choice b={b} path="act.housing.repair" label="Необходимость проведения ремонта" codes={REPAIR_NEEDS} labels={REPAIR_NEED_LABELS} />
          <Checks b={b} path="act.housing.heating" label="Благоустройство жилого помещения: теплоснабжение" codes={FAMILY_HEATING} labels={FAMILY_HEATING_LABELS} />
          <Checks
            b={b}
            path="act.housing.amenities"
            label="Водоснабжение (горячее, холодное); газ; канализация; телефон; лифт; ванная"
            codes={FAMILY_AMENITIES}
            labels={FAMILY_AMENITY_LABELS}
          />
          <Field b={b} path="act.noHousingReason" label="Отсутствие жилья (причины)" />
          <Area b={b} path="act.housingInfo" label="Дополнительная информация о жилищных условиях" />
        </Stack>
        </Fieldset>
        )}
      />

      <Memo
        dep={dep(['relationProblems', 'relationTraits', 'parentsCharacteristic'])}
        render={() => (
        <Fieldset legend="Характер взаимоотношений между членами семьи">
        <Stack gap="sm">
          <Choice
            b={b}
            path="act.relationProblems"
            label="Есть ли проблемы во взаимоотношениях, напряженная обстановка в семье"
            codes={YES_NO}
            labels={YES_NO_LABELS}
          />
          <Checks b={b} path="act.relationTraits" label="Характер взаимоотношений (нужное подчеркнуть)" codes={RELATION_TRAITS} labels={RELATION_TRAIT_LABELS} />
          <Area b={b} path="act.parentsCharacteristic" label="Характеристика родителей" />
        </Stack>
        </Fieldset>
        )}
      />

      <Memo
        dep={dep(['income'])}
        render={() => (
        <Fieldset legend="Материальное положение семьи">
        <Stack gap="sm">
          <SubHead>Источники дохода</SubHead>
          <Field b={b} path="act.income.members" label="Доход членов семьи, проживающих совместно" />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Field b={b} path="act.income.alimony" label="Алименты" />
            <Field b={b} path="act.income.funds" label="Помощь фондов, организаций" />
            <Field b={b} path="act.income.other" label="Другое" />
          </SimpleGrid>
          <Group align="flex-start" gap="md">
            <DateField b={b} path="act.income.perCapitaDate" label="Среднедушевой доход по состоянию на" />
            <Field b={b} path="act.income.perCapita" label="Среднедушевой доход, руб." placeholder="например, 18 540,25" w={240} />
          </Group>
          <Field b={b} path="act.income.supportMeasures" label="Меры социальной поддержки" />
          <Field b={b} path="act.income.mandatoryExpenses" label="Обязательные расходы (платежи, медикаменты)" />
          <Area b={b} path="act.income.info" label="Дополнительная информация о материальном положении" />
        </Stack>
        </Fieldset>
        )}
      />
    </>
  );
}

/** «Составил», «Присутствовали», the date, and the citizen's confirmation and consent. */
export function Signatures({ b, what, agreement }: { b: Bind; what: string; agreement?: boolean }) {
  return (
    <Fieldset legend="Подписи">
      <Stack gap="sm">
        <RowsTable b={b} path="act.compiledBy" what="Составил" label={`${what[0].toUpperCase()}${what.slice(1)} составил`} row={SIGNER_ROW} max={5} addLabel="Добавить составившего" columns={SIGNER_COLUMNS} minWidth={600} />
        <RowsTable b={b} path="act.present" what="Присутствовали" label="Присутствовали при составлении акта" row={SIGNER_ROW} max={10} addLabel="Добавить присутствовавшего" columns={SIGNER_COLUMNS} minWidth={600} />
        <DateField b={b} path="act.signaturesDate" label="Дата подписей" description="если не указана, печатается дата акта" />
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <SubHead>Гражданин</SubHead>
            <Field b={b} path="act.citizen.fullName" label="Ф.И.О. гражданина (законного представителя), подписавшего акт" />
            <Checkbox label="Достоверность и полноту настоящих сведений подтверждаю" {...checkboxProps(b, 'act.citizen.confirmed')} />
            <Checkbox label="На обработку персональных данных о себе в соответствии со статьей 9 Федерального закона от 27 июля 2006 года № 152-ФЗ «О персональных данных» согласен (на)" {...checkboxProps(b, 'act.citizen.pdConsent')} />
            {agreement && <Checkbox label="С условиями предоставления социальных услуг ознакомлен (на) и согласен (на)" {...checkboxProps(b, 'act.citizen.agreed')} />}
            <DateField b={b} path="act.citizen.date" label="Дата подписи гражданина" />
          </Stack>
        </Paper>
      </Stack>
    </Fieldset>
  );
}

export function checkboxProps(b: Bind, path: string) {
  return { checked: b.value(path) === true, onChange: (e: { currentTarget: { checked: boolean } }) => b.set(path, e.currentTarget.checked), error: b.error(path) };
}
