/**
 * The Appendix 3 act («Акт обследования условий жизнедеятельности» of a
 * citizen or of a family) as entered from the social-service centre's paper
 * act, field by field in the printed order, with the Barthel and Lawton
 * questionnaires. The form's values are the act's schema (act-values.ts);
 * a new act starts from what is known: today's date, the organisation of
 * the office's latest act, the citizen's name, address and categories from
 * the application, the applicant as the first member of the family.
 */
import { Button, Fieldset, Group, Menu, NativeSelect, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import {
  ABILITY_LOSS,
  ABILITY_LOSS_LABELS,
  ADAPTATION_DEGREE_LABELS,
  ADAPTATION_DEGREES,
  categoriesFromCase,
  CITIZEN_HEATING,
  CITIZEN_HEATING_LABELS,
  CITIZEN_HOUSING_TYPE_LABELS,
  CITIZEN_HOUSING_TYPES,
  CITIZEN_WATER,
  CITIZEN_WATER_LABELS,
  COMPENSATION_DRIVE,
  COMPENSATION_DRIVE_LABELS,
  DEGREES,
  FAMILY_AMENITIES,
  FAMILY_AMENITY_LABELS,
  FAMILY_CIRCUMSTANCE_LABELS,
  FAMILY_CIRCUMSTANCES,
  FamilyMember,
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
  HouseholdMember,
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
import { hostToday } from '../clock';
import { useApiMutation } from '../data/queries';
import { printForm } from '../ui/download';
import { Area, Checks, Choice, DateField, Field, QUESTION, RowsTable, SubHead, When, useValue, type FormApi } from '../ui/form-fields';
import { Guarded } from '../ui/Guarded';
import { fullNameOf, livingAddressOf } from '../ui/person';
import { ActFrame, ActHeader, Categories, NO_SUGGESTIONS, Signatures, actPrintReason, type ActFormProps } from './act-parts';
import { CITIZEN_FORM, FAMILY_FORM, draftOf, type ActValues, type CitizenDraft, type FamilyDraft } from './act-values';
import { ScaleForm, ScaleTotal, scaleResult, useScaleAnswers } from './ScaleForm';
import { useActForm } from './useActForm';

const CITIZEN_ACT = CITIZEN_FORM.shape.act;
const FAMILY_ACT = FAMILY_FORM.shape.act;
const HOUSEHOLD_ROW = draftOf(HouseholdMember, {});
const MEMBER_ROW = draftOf(FamilyMember, {});

/** The answers as saved (option indexes only). */
function numbersOnly(a: Record<string, unknown> | null | undefined): PartialScaleAnswers {
  return Object.fromEntries(Object.entries(a ?? {}).filter(([, v]) => typeof v === 'number')) as PartialScaleAnswers;
}

/** A new citizen act: today, the office's latest organisation, the person and categories from the application. */
function newCitizenAct(c: CaseView, organization: string): CitizenDraft {
  const act = draftOf(CITIZEN_ACT, {});
  const name = fullNameOf(c.applicant);
  act.date = hostToday();
  act.organization = organization;
  act.fullName = name;
  act.surveyAddress = livingAddressOf(c.applicant);
  act.categories = categoriesFromCase({ circumstances: c.circumstances, lgota: c.lgota });
  act.citizen.fullName = name;
  act.compiledBy = [{ position: '', fullName: '' }];
  return act;
}

/** A new family act: as the citizen's, with the applicant as the first member of the family. */
function newFamilyAct(c: CaseView, organization: string): FamilyDraft {
  const act = draftOf(FAMILY_ACT, {});
  const name = fullNameOf(c.applicant);
  act.date = hostToday();
  act.organization = organization;
  act.fullName = name;
  act.surveyAddress = livingAddressOf(c.applicant);
  act.members = [{ ...MEMBER_ROW, fullName: name, birthDate: c.applicant.birthDate, relation: 'заявитель' }];
  act.citizen.fullName = name;
  act.compiledBy = [{ position: '', fullName: '' }];
  return act;
}

// ================================================================== the Appendix 3 form

export function Appendix3Form({ variant, ...props }: ActFormProps & { variant: 'citizen' | 'family' }) {
  const { c, saved, onDirty, onCompare, bare, suggestions = NO_SUGGESTIONS } = props;
  const formName: ActForm = variant === 'citizen' ? 'appendix3-citizen' : 'appendix3-family';

  const toValues = (a: ActView | undefined): ActValues<CitizenDraft | FamilyDraft> => {
    const organization = suggestions.organizations[0] ?? '';
    if (!a) return { act: variant === 'citizen' ? newCitizenAct(c, organization) : newFamilyAct(c, organization), barthel: {}, lawton: {} };
    return { act: draftOf(variant === 'citizen' ? CITIZEN_ACT : FAMILY_ACT, a.act), barthel: numbersOnly(a.barthel), lawton: numbersOnly(a.lawton) };
  };
  const edit = useActForm({
    c,
    saved,
    formName,
    schema: variant === 'citizen' ? CITIZEN_FORM : FAMILY_FORM,
    toValues,
    bare,
    onDirty,
    onCompare,
    savedMessage: (fresh) => (fresh?.complete ? 'Акт сохранён: заполнен полностью' : 'Акт сохранён (заполнен не полностью)'),
  });
  const { dirty } = edit;
  const form: FormApi = edit.form;
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
  const printReason = actPrintReason(saved, dirty);
  const anyAppendix3 = c.acts.some((a) => a.form !== 'appendix4');
  const scalesReason = !anyAppendix3 ? 'Сначала сохраните акт с анкетами' : dirty ? 'Сохраните изменения: печатается сохранённая анкета' : null;

  return (
    <ActFrame
      props={props}
      edit={edit}
      formName={formName}
      label={variant === 'citizen' ? 'Акт обследования гражданина' : 'Акт обследования семьи'}
      deps={[suggestions]}
      prints={
        <>
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
              <Menu.Item onClick={() => blank(formName as 'appendix3-citizen')}>{variant === 'citizen' ? 'Акт обследования гражданина' : 'Акт обследования семьи'}</Menu.Item>
              <Menu.Item onClick={() => blank('barthel')}>Анкета: индекс Бартела</Menu.Item>
              <Menu.Item onClick={() => blank('lawton')}>Анкета: шкала Лаутона</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </>
      }
    >
      <ActHeader form={form} organizations={suggestions.organizations} />
      {variant === 'citizen' ? <CitizenBody form={form} /> : <FamilyBody form={form} />}

      <Fieldset legend="Анкеты: шкала Бартела и шкала Лаутона (прилагаются к акту)">
        <Stack gap="md">
          <ScaleForm kind="barthel" form={form} />
          <ScaleForm kind="lawton" form={form} />
          <ScalesSummary form={form} />
        </Stack>
      </Fieldset>

      {variant === 'citizen' ? (
        <CitizenConclusion form={form} />
      ) : (
        <Fieldset legend="Заключение комиссии">
          <Area form={form} path="act.conclusion" label="Заключение комиссии по итогам проведения оценки потребности в предоставлении социальных услуг" />
        </Fieldset>
      )}
      <Signatures
        form={form}
        compilers={suggestions.compilers}
        what={variant === 'citizen' ? 'акт обследования социально-бытовых условий гражданина' : 'акт обследования социально-бытовых условий семьи'}
      />
    </ActFrame>
  );
}

/** The points carried into the act (only a questionnaire answered in full counts). */
function ScalesSummary({ form }: { form: FormApi }) {
  const bR = scaleResult('barthel', useScaleAnswers(form, 'barthel'));
  const lR = scaleResult('lawton', useScaleAnswers(form, 'lawton'));
  return (
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
  );
}

const is = (code: string) => (v: unknown) => v === code;

/** Those living with the citizen: not asked of one who lives alone (unless the table was filled before). */
function Household({ form }: { form: FormApi }) {
  const status = useValue<string | undefined>(form, 'act.familyStatus');
  const rows = useValue<unknown[] | undefined>(form, 'act.household') ?? [];
  if (status === 'single' && rows.length === 0) return null;
  return (
    <>
      <RowsTable
        form={form}
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
        form={form}
        path="act.relations"
        label="Социально-бытовые взаимоотношения совместно проживающих с гражданином (нужное подчеркнуть)"
        codes={HOUSEHOLD_RELATIONS}
        labels={HOUSEHOLD_RELATIONS_LABELS}
      />
      <When form={form} path="act.relations" test={is('other')}>
        <Field form={form} path="act.relationsOther" label="Взаимоотношения: иное (указать)" />
      </When>
    </>
  );
}

function CitizenBody({ form }: { form: FormApi }) {
  return (
    <>
      <Fieldset legend="Гражданин">
        <Stack gap="sm">
          <Field form={form} path="act.surveyAddress" label="Адрес проживания, по которому проведено обследование" />
          <Categories form={form} />
        </Stack>
      </Fieldset>

      <Fieldset legend="Физическое здоровье">
        <Stack gap="sm">
          <Area form={form} path="act.health.diseases" label="Наличие заболевания" />
          <Field form={form} path="act.health.medicalVisits" label="Частота обращений в медицинские организации" />
          <Checks
            form={form}
            path="act.health.prevention"
            label="Профилактические мероприятия по укреплению здоровья (нужное подчеркнуть)"
            codes={PREVENTION_MEASURES}
            labels={PREVENTION_MEASURE_LABELS}
            render={(code) => (code === 'other' ? <Field form={form} path="act.health.preventionOther" label="Другие меры" /> : null)}
          />
          <Choice
            form={form}
            path="act.health.ipr"
            label="Наличие действующей индивидуальной программы реабилитации инвалида, выданной учреждением медико-социальной экспертизы"
            codes={YES_NO}
            labels={YES_NO_LABELS}
          />
          <When form={form} path="act.health.ipr" test={is('yes')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Field form={form} path="act.health.iprNumber" label="Номер ИПР" />
              <DateField form={form} path="act.health.iprIssueDate" label="Дата выдачи ИПР" />
              <Field form={form} path="act.health.iprIssuer" label="Кем выдана ИПР" />
            </SimpleGrid>
          </When>
          <When form={form} path="act.health.ipr" test={is('no')}>
            <Field form={form} path="act.health.iprAbsentNote" label="Примечание (ИПР нет)" />
          </When>
          <Area form={form} path="act.health.concerns" label="Наличие беспокойства у гражданина в состоянии здоровья" />
          <Field form={form} path="act.health.districtDoctor" label="Ф.И.О. участкового врача" />
        </Stack>
      </Fieldset>

      <Fieldset legend="Семейное положение">
        <Stack gap="sm">
          <Choice form={form} path="act.familyStatus" label="Семейный статус гражданина (нужное подчеркнуть)" codes={FAMILY_STATUSES} labels={FAMILY_STATUS_LABELS} />
          <Household form={form} />
          <Choice form={form} path="act.badHabits" label="Наличие вредных привычек у гражданина, совместно проживающих с ним лиц" codes={YES_NO} labels={YES_NO_LABELS} />
          <When form={form} path="act.badHabits" test={is('yes')}>
            <Field form={form} path="act.badHabitsWhich" label="Какие вредные привычки" />
          </When>
          <Checks form={form} path="act.conflicts" label="Наличие внутрисемейных конфликтов (нужное указать)" codes={FAMILY_CONFLICTS} labels={FAMILY_CONFLICT_LABELS} />
          <Field form={form} path="act.conflictsNote" label="Внутрисемейные конфликты: пояснение" />
        </Stack>
      </Fieldset>

      <Fieldset legend="Жилищно-бытовые условия">
        <Stack gap="sm">
          <Choice form={form} path="act.housing.type" label="Жилищные условия проживания (нужное указать)" codes={CITIZEN_HOUSING_TYPES} labels={CITIZEN_HOUSING_TYPE_LABELS} />
          <When form={form} path="act.housing.type" test={is('other')}>
            <Field form={form} path="act.housing.other" label="Вид жилья: другое" />
          </When>
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
            <Field form={form} path="act.housing.rooms" label="Количество комнат" />
            <Field form={form} path="act.housing.floor" label="Этаж" />
            <Choice form={form} path="act.housing.lift" label="Лифт" codes={YES_NO} labels={YES_NO_LABELS} />
            <Choice form={form} path="act.housing.ramp" label="Пандус" codes={YES_NO} labels={YES_NO_LABELS} />
          </SimpleGrid>
          <SubHead>Наличие благоустройств (нужное подчеркнуть)</SubHead>
          <Checks form={form} path="act.amenities.heating" label="Отопление" codes={CITIZEN_HEATING} labels={CITIZEN_HEATING_LABELS} />
          <Checks form={form} path="act.amenities.water" label="Водоснабжение" codes={CITIZEN_WATER} labels={CITIZEN_WATER_LABELS} />
          <Choice form={form} path="act.amenities.sewerage" label="Канализация" codes={YES_NO} labels={YES_NO_LABELS} />
          <Field form={form} path="act.amenities.other" label="Благоустройства: другое (указать)" />
          <SubHead>Обстановка в квартире</SubHead>
          <Field form={form} path="act.furnishings.furniture" label="Наличие необходимой мебели (указать какой)" />
          <Field form={form} path="act.furnishings.appliances" label="Наличие бытовой техники (указать какой)" />
          <Field
            form={form}
            path="act.furnishings.rehabAids"
            label="Наличие специальных средств для адаптации инвалида, ребенка-инвалида в быту (технических средств реабилитации) (указать каких)"
          />
          <SubHead>Удаленность жилья от (км)</SubHead>
          <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} spacing="sm" style={{ alignItems: 'end' }}>
            <Field form={form} path="act.distances.transport" label="Остановки транспорта, км" />
            <Field form={form} path="act.distances.shops" label="Магазинов, км" />
            <Field form={form} path="act.distances.post" label="Почты, км" />
            <Field form={form} path="act.distances.utilities" label="Жилищно-коммунальных учреждений, км" />
            <Field form={form} path="act.distances.waterSource" label="Источника водоснабжения, км" />
          </SimpleGrid>
          <Field form={form} path="act.noHousingReason" label="Отсутствие жилья (причины)" />
        </Stack>
      </Fieldset>

      <Fieldset legend="Социально-экономический статус">
        <Stack gap="sm">
          <Field form={form} path="act.perCapitaIncome" label="Среднедушевой доход гражданина (семьи), рублей" placeholder="например, 18 540,25" w={280} />
          <Area form={form} path="act.additionalInfo" label="Дополнительные данные" />
        </Stack>
      </Fieldset>

      <Fieldset legend="Выявленные факторы">
        <Stack gap="sm">
          <Checks
            form={form}
            path="act.riskFactors"
            label="Выявленные факторы риска (нужное указать)"
            codes={RISK_FACTORS}
            labels={RISK_FACTOR_LABELS}
            render={(code) =>
              code === 'no_relatives' ? (
                <Choice form={form} path="act.noRelativesScope" label="Отсутствие членов семьи, родственников" codes={NO_RELATIVES_SCOPES} labels={NO_RELATIVES_SCOPE_LABELS} />
              ) : code === 'other' ? (
                <Field form={form} path="act.riskOther" label="Другие факторы риска (указать какие)" />
              ) : null
            }
          />
          <Checks
            form={form}
            path="act.positiveFactors"
            label="Выявленные факторы, положительно влияющие на жизнедеятельность гражданина (нужное указать)"
            codes={POSITIVE_FACTORS}
            labels={POSITIVE_FACTOR_LABELS}
            render={(code) => (code === 'other' ? <Field form={form} path="act.positiveOther" label="Другие положительные факторы (указать какие)" /> : null)}
          />
        </Stack>
      </Fieldset>
    </>
  );
}

const DEGREE_OPTIONS = [{ value: '', label: '— выберите —' }, ...DEGREES.map((d) => ({ value: String(d), label: degreeLabel(d) }))];

function CitizenConclusion({ form }: { form: FormApi }) {
  return (
    <Fieldset legend="Оценка способностей и заключение">
      <Stack gap="sm">
        <Choice form={form} path="act.householdActivity" label="Возможность выполнения бытовой деятельности" codes={ABILITY_LOSS} labels={ABILITY_LOSS_LABELS} />
        <Choice form={form} path="act.independentLiving" label="Способность к самостоятельному проживанию" codes={ABILITY_LOSS} labels={ABILITY_LOSS_LABELS} />
        <Choice form={form} path="act.independentOfHelp" label="Способность к независимой от посторонней постоянной помощи жизни" codes={ABILITY_LOSS} labels={ABILITY_LOSS_LABELS} />
        <Choice form={form} path="act.socialIntegration" label="Способность к интеграции в общество" codes={INTEGRATION_ABILITY} labels={INTEGRATION_ABILITY_LABELS} />
        <Choice form={form} path="act.adaptation" label="Степень социально-бытовой адаптации" codes={ADAPTATION_DEGREES} labels={ADAPTATION_DEGREE_LABELS} />
        <Choice form={form} path="act.compensation" label="Стремление к компенсации имеющихся нарушений" codes={COMPENSATION_DRIVE} labels={COMPENSATION_DRIVE_LABELS} />
        <Group align="flex-end" gap="md">
          <NativeSelect
            {...QUESTION}
            label="Заключение: степень"
            description="По выполнению различных видов жизнедеятельности; наберите цифру"
            w={340}
            data={DEGREE_OPTIONS}
            {...form.getInputProps('act.degree')}
            key={form.key('act.degree')}
          />
          <Stack gap={2} pb={4}>
            <Text size="xs" c="dimmed">
              выбирается специалистом
            </Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                Для сведения:
              </Text>
              <ScaleTotal kind="barthel" form={form} />
              <ScaleTotal kind="lawton" form={form} />
            </Group>
          </Stack>
        </Group>
        <Choice form={form} path="act.helpKind" label="Потребность в посторонней помощи" codes={HELP_KINDS} labels={HELP_KIND_LABELS} />
        <Checks
          form={form}
          path="act.helpReasons"
          label="…вследствие (нужное подчеркнуть)"
          codes={HELP_REASONS}
          labels={HELP_REASON_LABELS}
          render={(code) => (code === 'other' ? <Field form={form} path="act.helpOther" label="Иные обстоятельства (указать)" /> : null)}
        />
        <When form={form} path="act.degree" test={(v) => !v}>
          <Text size="xs" c="dimmed">
            Степень выбирается специалистом по совокупности сведений акта; баллы шкал её не определяют.
          </Text>
        </When>
      </Stack>
    </Fieldset>
  );
}

function FamilyBody({ form }: { form: FormApi }) {
  return (
    <>
      <Fieldset legend="Сведения о семье">
        <Stack gap="sm">
          <Field form={form} path="act.surveyAddress" label="Адрес проживания, по которому проведено обследование" />
          <Checks form={form} path="act.socialStatus" label="Социальный статус семьи (нужное подчеркнуть)" codes={FAMILY_SOCIAL_STATUSES} labels={FAMILY_SOCIAL_STATUS_LABELS} />
          <RowsTable
            form={form}
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
            form={form}
            path="act.circumstances"
            label="Существуют ли обстоятельства, которые ухудшают или могут ухудшить условия жизнедеятельности одного из членов семьи (нужное подчеркнуть)"
            codes={FAMILY_CIRCUMSTANCES}
            labels={FAMILY_CIRCUMSTANCE_LABELS}
          />
          <Area form={form} path="act.familyInfo" label="Дополнительная информация о семье" />
        </Stack>
      </Fieldset>

      <Fieldset legend="Жилищные условия">
        <Stack gap="sm">
          <Choice
            form={form}
            path="act.housing.type"
            label="Жилищные условия семьи по месту фактического проживания (нужное подчеркнуть)"
            codes={FAMILY_HOUSING_TYPES}
            labels={FAMILY_HOUSING_TYPE_LABELS}
          />
          <When form={form} path="act.housing.type" test={is('other')}>
            <Field form={form} path="act.housing.other" label="Вид жилья: иное (указать)" />
          </When>
          <Choice form={form} path="act.housing.owner" label="Форма собственности жилья" codes={HOUSING_OWNERS} labels={HOUSING_OWNER_LABELS} />
          <Choice form={form} path="act.housing.ownershipKind" label="Вид жилого помещения" codes={HOUSING_OWNERSHIP_KINDS} labels={HOUSING_OWNERSHIP_KIND_LABELS} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Field form={form} path="act.housing.area" label="Занимаемая площадь, кв. м" />
            <Field form={form} path="act.housing.rooms" label="Количество комнат" />
          </SimpleGrid>
          <Choice form={form} path="act.housing.sanitary" label="Состояние жилья: санитарно-гигиеническое" codes={SANITARY_STATES} labels={SANITARY_STATE_LABELS} />
          <Choice form={form} path="act.housing.repair" label="Необходимость проведения ремонта" codes={REPAIR_NEEDS} labels={REPAIR_NEED_LABELS} />
          <Checks form={form} path="act.housing.heating" label="Благоустройство жилого помещения: теплоснабжение" codes={FAMILY_HEATING} labels={FAMILY_HEATING_LABELS} />
          <Checks
            form={form}
            path="act.housing.amenities"
            label="Водоснабжение (горячее, холодное); газ; канализация; телефон; лифт; ванная"
            codes={FAMILY_AMENITIES}
            labels={FAMILY_AMENITY_LABELS}
          />
          <Field form={form} path="act.noHousingReason" label="Отсутствие жилья (причины)" />
          <Area form={form} path="act.housingInfo" label="Дополнительная информация о жилищных условиях" />
        </Stack>
      </Fieldset>

      <Fieldset legend="Характер взаимоотношений между членами семьи">
        <Stack gap="sm">
          <Choice form={form} path="act.relationProblems" label="Есть ли проблемы во взаимоотношениях, напряженная обстановка в семье" codes={YES_NO} labels={YES_NO_LABELS} />
          <Checks form={form} path="act.relationTraits" label="Характер взаимоотношений (нужное подчеркнуть)" codes={RELATION_TRAITS} labels={RELATION_TRAIT_LABELS} />
          <Area form={form} path="act.parentsCharacteristic" label="Характеристика родителей" />
        </Stack>
      </Fieldset>

      <Fieldset legend="Материальное положение семьи">
        <Stack gap="sm">
          <SubHead>Источники дохода</SubHead>
          <Field form={form} path="act.income.members" label="Доход членов семьи, проживающих совместно" />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Field form={form} path="act.income.alimony" label="Алименты" />
            <Field form={form} path="act.income.funds" label="Помощь фондов, организаций" />
            <Field form={form} path="act.income.other" label="Другое" />
          </SimpleGrid>
          <Group align="flex-start" gap="md">
            <DateField form={form} path="act.income.perCapitaDate" label="Среднедушевой доход по состоянию на" />
            <Field form={form} path="act.income.perCapita" label="Среднедушевой доход, руб." placeholder="например, 18 540,25" w={240} />
          </Group>
          <Field form={form} path="act.income.supportMeasures" label="Меры социальной поддержки" />
          <Field form={form} path="act.income.mandatoryExpenses" label="Обязательные расходы (платежи, медикаменты)" />
          <Area form={form} path="act.income.info" label="Дополнительная информация о материальном положении" />
        </Stack>
      </Fieldset>
    </>
  );
}
