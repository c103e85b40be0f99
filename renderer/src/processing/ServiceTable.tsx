/**
 * A table of social services, in the Appendix 4 act and in the ИППСУ: each
 * row a service from the catalogue of its type (picking one fills the name
 * and remembers its code) or typed by hand, with its volume, periodicity and
 * term.
 */
import { Autocomplete, Box, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import type { Out } from '../../../core/api/contract';
import type { ServiceType as ActServiceType } from '../../../core/api/acts';
import { useApi } from '../data/queries';
import { QUESTION, RemoveRowButton, WATCHED, changeAndFocus, useValue, type FormApi } from '../ui/form-fields';

export type CatalogueService = Out<'services.list'>[number];

const NO_SERVICES: CatalogueService[] = [];

/** The service catalogue (empty while loading). */
export function useServices(): CatalogueService[] {
  return useApi('services.list', {}).data ?? NO_SERVICES;
}

/** The act's seven tables and the catalogue's (and ИППСУ's) service types 1–7. */
export const ACT_TABLE_TYPE: Record<ActServiceType, number> = {
  household: 1,
  medical: 2,
  psychological: 3,
  pedagogical: 4,
  labor: 5,
  legal: 6,
  communicative: 7,
};

export interface ServiceTableKeys {
  /** Where the catalogue code goes: 'code' in the act, 'serviceCode' in the ИППСУ. */
  code: string;
  /** 'frequency' in the act, 'periodicity' in the ИППСУ. */
  frequency: string;
}

/** The name of a service, from the catalogue or typed; the code follows the name. */
function ServiceName({ form, row, keys, catalogue, options, where }: { form: FormApi; row: string; keys: ServiceTableKeys; catalogue: CatalogueService[]; options: string[]; where: string }) {
  const name = useValue<string | undefined>(form, `${row}.name`) ?? '';
  const code = useValue<string | undefined>(form, `${row}.${keys.code}`) ?? '';
  const hit = code ? catalogue.find((s) => s.code === code) : undefined;
  const input = form.getInputProps(`${row}.name`);
  return (
    <>
      <Autocomplete
        {...QUESTION}
        size="xs"
        aria-label={`${where}: наименование услуги`}
        placeholder="Выберите из перечня или введите"
        data={options}
        limit={50}
        selectFirstOptionOnChange
        maxDropdownHeight={280}
        comboboxProps={{ width: 560, position: 'bottom-start' }}
        {...input}
        key={form.key(`${row}.name`)}
        onChange={(v) => {
          input.onChange(v);
          form.setFieldValue(`${row}.${keys.code}`, catalogue.find((s) => s.name === v)?.code ?? '', WATCHED);
        }}
        title={name}
      />
      <Text size="xs" c="dimmed" mt={2}>
        {hit ? `из перечня, единица: ${hit.unit}` : name ? 'введена вручную' : ''}
      </Text>
    </>
  );
}

/** The volume of a service: the placeholder names the catalogue's unit of the service chosen. */
function ServiceVolume({ form, row, keys, catalogue, where }: { form: FormApi; row: string; keys: ServiceTableKeys; catalogue: CatalogueService[]; where: string }) {
  const code = useValue<string | undefined>(form, `${row}.${keys.code}`) ?? '';
  const hit = code ? catalogue.find((s) => s.code === code) : undefined;
  const p = `${row}.volume`;
  return <TextInput {...QUESTION} size="xs" aria-label={`${where}: объем`} placeholder={hit ? `напр. 8 (${hit.unit})` : 'напр. 8 услуг'} {...form.getInputProps(p)} key={form.key(p)} />;
}

/**
 * A service table over rows of one array: `indexes` says which rows are
 * this table's (the ИППСУ keeps all types in one list).
 */
export function ServiceTable({
  form,
  path,
  indexes,
  rowCount,
  keys,
  catalogue,
  caption,
  nameColumn,
  onAdd,
  testId,
}: {
  form: FormApi;
  /** The array the rows live in. */
  path: string;
  /** Which of its rows belong to this table. */
  indexes: number[];
  /** How many rows the array has (a row added goes at that index). */
  rowCount: number;
  keys: ServiceTableKeys;
  catalogue: CatalogueService[];
  caption: ReactNode;
  nameColumn: string;
  /** Adds a row at the end of the array. */
  onAdd(): void;
  testId?: string;
}) {
  const options = useMemo(() => [...new Set(catalogue.filter((s) => s.active).map((s) => s.name))], [catalogue]);
  // Rows after a removed one show other values: their (uncontrolled) inputs are drawn anew.
  const [removals, setRemovals] = useState(0);
  const short = typeof caption === 'string' && caption.length > 40 ? 'Коммуникативные' : caption;
  const text = (p: string, aria: string, placeholder: string) => (
    <TextInput {...QUESTION} size="xs" aria-label={aria} placeholder={placeholder} {...form.getInputProps(p)} key={form.key(p)} />
  );
  return (
    <Box data-testid={testId}>
      <Group justify="space-between" mb={4} gap="xs">
        <Text size="sm" fw={600}>
          {caption}
        </Text>
        <Button
          className="sd-edit-only"
          size="compact-sm"
          variant="light"
          onClick={(e) => changeAndFocus(e.currentTarget, onAdd, `${path}.${rowCount}.name`)}
        >
          Добавить услугу
        </Button>
      </Group>
      {indexes.length === 0 ? (
        <Text size="xs" c="dimmed">
          Услуги этого вида не назначены.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900} type="native">
          <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={32}>№</Table.Th>
                <Table.Th>{nameColumn}</Table.Th>
                <Table.Th w={150}>Объем</Table.Th>
                <Table.Th w={190}>Периодичность</Table.Th>
                <Table.Th w={150}>Срок</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {indexes.map((idx, n) => {
                const row = `${path}.${idx}`;
                const where = `${typeof short === 'string' ? short : 'Услуги'}, строка ${n + 1}`;
                return (
                  <Table.Tr key={`${removals}:${idx}`} data-testid={testId ? `${testId}-row-${n + 1}` : undefined}>
                    <Table.Td ta="center" style={{ verticalAlign: 'top' }}>
                      {n + 1}
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <ServiceName form={form} row={row} keys={keys} catalogue={catalogue} options={options} where={where} />
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <ServiceVolume form={form} row={row} keys={keys} catalogue={catalogue} where={where} />
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>{text(`${row}.${keys.frequency}`, `${where}: периодичность`, 'напр. 2 раза в неделю')}</Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>{text(`${row}.term`, `${where}: срок`, 'напр. 6 месяцев')}</Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <RemoveRowButton aria={`${where}: удалить`} title="Удалить услугу" onRemove={() => { form.removeListItem(path, idx); setRemovals((n) => n + 1); }} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Box>
  );
}
