/**
 * A person's particulars as label / value rows, shared by the case and the
 * person card; and the address inputs (in parts) of the intake and the
 * person card.
 */
import { Checkbox, Fieldset, Grid, Stack, Table, Text, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { CITIZENSHIP_LABELS, ID_DOC_LABELS, SEX_LABELS, type PersonInput } from '../../../core/api/reception';
import { ADDRESS_PART_LABELS, ADDRESS_PARTS, cleanAddress, sameAddress, type AddressPart, type AddressParts } from '../../../core/domain/address';
import { hostToday } from '../clock';
import { ageAt, ruDate, snilsText } from '../format';

export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** «Фамилия Имя Отчество». */
export function fullNameOf(p: { lastName: string; firstName: string; middleName?: string | null }): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

/** Where the person lives: the actual address, else the registration address. */
export function livingAddressOf(p: { regAddress?: string | null; actualAddress?: string | null }): string {
  return p.actualAddress || p.regAddress || '';
}

/** Label / value rows; empty values show a dash. */
export function InfoRows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={4} fz="sm">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={200} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
              {label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value === '' || value === null || value === undefined ? '—' : value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function idDocText(doc: unknown): string {
  if (!doc || typeof doc !== 'object') return '';
  const d = doc as Record<string, unknown>;
  const kind = ID_DOC_LABELS[str(d.kind) as keyof typeof ID_DOC_LABELS] ?? str(d.kind);
  const num = [str(d.series), str(d.number)].filter(Boolean).join(' ');
  const issued = [str(d.issuer) && `выдан ${str(d.issuer)}`, str(d.issueDate) && ruDate(str(d.issueDate))].filter(Boolean).join(' ');
  return [kind, num && `№ ${num}`, issued].filter(Boolean).join(', ');
}

export interface PersonLike {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  birthDate: string;
  sex: string;
  snils?: string | null;
  citizenship: string;
  idDoc: unknown;
  regAddress?: string | null;
  actualAddress?: string | null;
  phone?: string | null;
  email?: string | null;
}

export function PersonDetails({ person, at }: { person: PersonLike; at?: string }) {
  const age = ageAt(person.birthDate, at ?? hostToday());
  const same = !person.actualAddress || person.actualAddress === person.regAddress;
  return (
    <InfoRows
      rows={[
        ['ФИО', fullNameOf(person)],
        ['Дата рождения', `${ruDate(person.birthDate)}${age !== null ? ` (${age} ${at ? 'на дату обращения' : 'полных лет'})` : ''}`],
        ['Пол', SEX_LABELS[person.sex as keyof typeof SEX_LABELS] ?? person.sex],
        ['СНИЛС', snilsText(person.snils)],
        ['Гражданство', CITIZENSHIP_LABELS[person.citizenship as keyof typeof CITIZENSHIP_LABELS] ?? person.citizenship],
        ['Документ', idDocText(person.idDoc)],
        ['Адрес регистрации', person.regAddress ?? ''],
        ['Адрес проживания', same ? (person.regAddress ? 'совпадает с адресом регистрации' : '') : (person.actualAddress ?? '')],
        ['Телефон', person.phone ?? ''],
        ['Электронная почта', person.email ?? ''],
      ]}
    />
  );
}

// ------------------------------------------------------------------ address inputs

export type AddressInputValues = Record<AddressPart, string>;

/** A person's addresses as the person forms hold them. */
export interface PersonAddressValues {
  /** The address as one line, for a person entered before the parts were asked: kept while the parts are empty. */
  regAddress: string;
  regAddressParts: AddressInputValues;
  sameAddress: boolean;
  actualAddress: string;
  actualAddressParts: AddressInputValues;
}

function addressInputValues(p?: AddressParts | null): AddressInputValues {
  return Object.fromEntries(ADDRESS_PARTS.map((k) => [k, p?.[k] ?? ''])) as AddressInputValues;
}

export function emptyPersonAddress(): PersonAddressValues {
  return { regAddress: '', regAddressParts: addressInputValues(), sameAddress: true, actualAddress: '', actualAddressParts: addressInputValues() };
}

interface StoredAddress {
  regAddress?: string | null;
  regAddressParts?: AddressParts | null;
  actualAddress?: string | null;
  actualAddressParts?: AddressParts | null;
}

/** The form's values for the addresses as stored (or as a portal sent them). */
export function personAddressValues(p: StoredAddress): PersonAddressValues {
  const regParts = cleanAddress(p.regAddressParts);
  const actualParts = cleanAddress(p.actualAddressParts);
  const reg = p.regAddress?.trim() ?? '';
  const actual = p.actualAddress?.trim() ?? '';
  const same = (!actual && !actualParts) || (regParts && actualParts ? sameAddress(regParts, actualParts) : actual === reg && !actualParts);
  return {
    regAddress: regParts ? '' : reg,
    regAddressParts: addressInputValues(regParts),
    sameAddress: same,
    actualAddress: same || actualParts ? '' : actual,
    actualAddressParts: addressInputValues(same ? null : actualParts),
  };
}

/**
 * The addresses to send: the parts, or the one line kept while they are
 * empty; the actual address only when it is not the same.
 */
export function personAddressInput(v: PersonAddressValues): Pick<PersonInput, 'regAddress' | 'regAddressParts' | 'actualAddress' | 'actualAddressParts'> {
  const one = (parts: AddressInputValues, line: string) => (cleanAddress(parts) || !line.trim() ? { parts } : { line });
  const reg = one(v.regAddressParts, v.regAddress);
  const out = 'parts' in reg ? { regAddressParts: reg.parts } : { regAddress: reg.line };
  if (v.sameAddress) return out;
  const actual = one(v.actualAddressParts, v.actualAddress);
  return { ...out, ...('parts' in actual ? { actualAddressParts: actual.parts } : { actualAddress: actual.line }) };
}

type FieldProps = (path: string, options?: { type: 'checkbox' }) => GetInputPropsReturnType;

/**
 * Column spans of the parts (of 24): one row where the form is wide (the
 * intake), two in a narrower one (the person card's dialog): short numbers,
 * wider names.
 */
const SPANS: Record<AddressPart, { base: number; md: number }> = {
  index: { base: 4, md: 3 },
  district: { base: 10, md: 5 },
  settlement: { base: 10, md: 5 },
  street: { base: 12, md: 5 },
  house: { base: 4, md: 2 },
  building: { base: 4, md: 2 },
  flat: { base: 4, md: 2 },
};
/** Container widths (of the form, not the window) for the spans. */
const GRID_BREAKPOINTS = { xs: '30em', sm: '40em', md: '56em', lg: '75em', xl: '88em' };
const PLACEHOLDERS: Partial<Record<AddressPart, string>> = { district: 'г. Сургут', settlement: 'с. Селиярово', street: 'Мира' };

function AddressGrid({ legend, field, path, line }: { legend: string; field: FieldProps; path: string; line: string }) {
  const lineError = field(path.replace(/Parts$/, '')).error as ReactNode;
  return (
    <Fieldset legend={legend} variant="unstyled" styles={{ root: { margin: 0, padding: 0 }, legend: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500, marginBottom: 2, padding: 0 } }}>
      <Stack gap={4}>
        {line && (
          <Text size="xs" c="dimmed">
            Записан одной строкой: «{line}». Пока поля ниже пусты, сохраняется эта строка; заполненные поля заменят её.
          </Text>
        )}
        <Grid columns={24} gap="xs" type="container" breakpoints={GRID_BREAKPOINTS}>
          {ADDRESS_PARTS.map((k) => (
            <Grid.Col key={k} span={SPANS[k]}>
              <TextInput
                label={ADDRESS_PART_LABELS[k]}
                placeholder={PLACEHOLDERS[k]}
                {...(k === 'index' ? { inputMode: 'numeric' as const, maxLength: 6 } : {})}
                {...field(`${path}.${k}`)}
              />
            </Grid.Col>
          ))}
        </Grid>
        {lineError && (
          <Text size="xs" c="red">
            {lineError}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}

/**
 * The address of registration in parts, «совпадает» and the actual address.
 * `prefix` is the path of the person in the form ('' or 'applicant.').
 */
export function PersonAddressFields({ field, prefix, values }: { field: FieldProps; prefix: string; values: PersonAddressValues }) {
  return (
    <>
      <AddressGrid legend="Адрес регистрации" field={field} path={`${prefix}regAddressParts`} line={values.regAddress} />
      <Checkbox label="Адрес фактического проживания совпадает с адресом регистрации" {...field(`${prefix}sameAddress`, { type: 'checkbox' })} />
      {!values.sameAddress && <AddressGrid legend="Адрес фактического проживания" field={field} path={`${prefix}actualAddressParts`} line={values.actualAddress} />}
    </>
  );
}
