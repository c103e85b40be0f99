/** A person's particulars as label / value rows, shared by the case and the person card. */
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { CITIZENSHIP_LABELS, ID_DOC_LABELS, SEX_LABELS } from '../../../core/api/reception';
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
