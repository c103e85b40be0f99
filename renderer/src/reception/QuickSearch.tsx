/**
 * The search box in the header: ФИО, СНИЛС or journal number as you type.
 * Ctrl+K or «/» focuses it; arrows and Enter open a person or a case; Escape closes.
 */
import { Combobox, Group, Kbd, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue, useWindowEvent } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import type { CaseRow, PersonWithCases } from '../../../core/api/reception';
import { CASE_STATUS_LABELS } from '../../../core/domain/case-states';
import { errorMessage } from '../api';
import { useApi } from '../data/queries';
import { ruDate, snilsText } from '../format';

type Results = { q: string; persons: PersonWithCases[]; cases: CaseRow[] } | { q: string; error: string };

function isEditable(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

function casesWord(n: number): string {
  const d10 = n % 10;
  const d100 = n % 100;
  if (d10 === 1 && d100 !== 11) return `${n} дело`;
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return `${n} дела`;
  return `${n} дел`;
}

export function QuickSearch() {
  const inputRef = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 150);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const navigate = useNavigate();
  const enabled = debounced.length >= 2;
  const search = useApi('search.quick', { q: debounced, limit: 10 }, { enabled, staleTime: 30_000 });
  const results: Results | null = !enabled
    ? null
    : search.data
      ? { q: debounced, ...search.data }
      : search.error
        ? { q: debounced, error: errorMessage(search.error) }
        : null;

  useWindowEvent('keydown', (e) => {
    const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && (e.code === 'KeyK' || e.key.toLowerCase() === 'k');
    const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(e.target);
    if (ctrlK || slash) {
      e.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  });

  // A fresh answer: highlight its first entry so that Enter opens it.
  const { selectFirstOption } = combobox;
  const answeredAt = search.dataUpdatedAt;
  useEffect(() => {
    if (answeredAt) selectFirstOption();
  }, [answeredAt, selectFirstOption]);

  const open = (value: string) => {
    const [kind, id] = value.split(':');
    void navigate(kind === 'p' ? { to: '/persons/$id', params: { id: Number(id) } } : { to: '/cases/$id', params: { id: Number(id) } });
    setQ('');
    combobox.closeDropdown();
    inputRef.current?.blur();
  };

  const searching = q.trim().length >= 2 && (results === null || results.q !== q.trim());
  const ready = results && !('error' in results) ? results : null;
  const nothing = ready && ready.persons.length === 0 && ready.cases.length === 0;

  return (
    <Combobox store={combobox} onOptionSubmit={open} withinPortal position="bottom-start" width={520} zIndex={300}>
      <Combobox.Target>
        <TextInput
          ref={inputRef}
          w={{ base: 220, md: 360 }}
          placeholder="Поиск: ФИО, СНИЛС, № дела"
          aria-label="Быстрый поиск"
          autoComplete="off"
          spellCheck={false}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              combobox.closeDropdown();
              setQ('');
              inputRef.current?.blur();
            }
          }}
          rightSectionWidth={64}
          rightSection={
            searching ? (
              <Loader size="xs" aria-label="Поиск" />
            ) : (
              <Kbd size="xs" visibleFrom="md">
                Ctrl+K
              </Kbd>
            )
          }
          rightSectionPointerEvents="none"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={q.trim().length < 2 || !results}>
        <Combobox.Options mah={480} style={{ overflowY: 'auto' }} aria-label="Результаты поиска">
          {results && 'error' in results && <Combobox.Empty>{results.error}</Combobox.Empty>}
          {nothing && <Combobox.Empty>Ничего не найдено</Combobox.Empty>}
          {ready && ready.persons.length > 0 && (
            <Combobox.Group label="Заявители">
              {ready.persons.map((p) => (
                <Combobox.Option key={`p${p.id}`} value={`p:${p.id}`}>
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <div>
                      <Text size="sm" fw={500}>
                        {p.fullName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {ruDate(p.birthDate)}
                        {p.snils ? ` · СНИЛС ${snilsText(p.snils)}` : ''}
                      </Text>
                    </div>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {casesWord(p.cases.length)}
                    </Text>
                  </Group>
                </Combobox.Option>
              ))}
            </Combobox.Group>
          )}
          {ready && ready.cases.length > 0 && (
            <Combobox.Group label="Дела">
              {ready.cases.map((c) => (
                <Combobox.Option key={`c${c.id}`} value={`c:${c.id}`}>
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <div>
                      <Text size="sm" fw={500} td={c.status === 'annulled' ? 'line-through' : undefined}>
                        № {c.journalNumber} · {c.applicantName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        от {ruDate(c.registeredAt)}
                      </Text>
                    </div>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {CASE_STATUS_LABELS[c.status]}
                    </Text>
                  </Group>
                </Combobox.Option>
              ))}
            </Combobox.Group>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
