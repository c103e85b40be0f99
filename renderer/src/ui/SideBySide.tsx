/**
 * Two versions of one form side by side (read-only), with the fields that
 * differ marked on both sides and counted. The fields are matched by their
 * labels as printed on screen (the n-th «ФИО» with the n-th «ФИО»), so any
 * form can be compared without knowing its structure.
 */
import { Box, Group, ScrollArea, SimpleGrid, Text, Title } from '@mantine/core';
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';

const DIFF_CSS = `
[data-differs] { outline: 2px solid var(--mantine-color-orange-6); outline-offset: 2px; border-radius: 4px; background: var(--mantine-color-orange-0); }
`;

interface Field {
  key: string;
  value: string;
  el: HTMLElement;
}

function labelOf(input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string {
  const own = input.labels?.[0]?.textContent ?? input.getAttribute('aria-label') ?? '';
  if (input instanceof HTMLInputElement && (input.type === 'radio' || input.type === 'checkbox')) {
    // An option: name it with its group.
    const group = input.closest('[role="radiogroup"], [role="group"], fieldset')?.querySelector('label, legend')?.textContent ?? '';
    return `${group} / ${own}`;
  }
  return own;
}

function fieldsOf(root: HTMLElement): Field[] {
  const seen = new Map<string, number>();
  const out: Field[] = [];
  root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select').forEach((input) => {
    if (input instanceof HTMLInputElement && input.type === 'hidden') return;
    if (input.closest('[aria-hidden="true"]')) return;
    const label = labelOf(input).replace(/\s+/g, ' ').trim();
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    const value = input instanceof HTMLInputElement && (input.type === 'radio' || input.type === 'checkbox') ? String(input.checked) : input.value.trim();
    const el = (input.closest('.mantine-InputWrapper-root, .mantine-Checkbox-root, .mantine-Radio-root, td') as HTMLElement | null) ?? input;
    out.push({ key: `${label}#${n}`, value, el });
  });
  return out;
}

/** Marks what differs between the two columns; returns how many fields differ. */
function markDifferences(left: HTMLElement, right: HTMLElement): number {
  for (const root of [left, right]) root.querySelectorAll('[data-differs]').forEach((e) => e.removeAttribute('data-differs'));
  const a = fieldsOf(left);
  const b = fieldsOf(right);
  const bMap = new Map(b.map((f) => [f.key, f]));
  const aKeys = new Set(a.map((f) => f.key));
  let count = 0;
  for (const f of a) {
    const other = bMap.get(f.key);
    if (!other ? f.value !== '' && f.value !== 'false' : other.value !== f.value) {
      f.el.setAttribute('data-differs', '');
      other?.el.setAttribute('data-differs', '');
      count++;
    }
  }
  for (const f of b) {
    if (!aKeys.has(f.key) && f.value !== '' && f.value !== 'false') {
      f.el.setAttribute('data-differs', '');
      count++;
    }
  }
  return count;
}

type Side = { title: ReactNode; content: ReactNode };

function Column({ side, testId, innerRef }: { side: Side; testId: string; innerRef: RefObject<HTMLDivElement | null> }) {
  return (
    <Box data-testid={testId}>
      <Group mb={6}>
        <Title order={5}>{side.title}</Title>
      </Group>
      <ScrollArea h="calc(100vh - 220px)" type="auto" offsetScrollbars>
        <div ref={innerRef}>{side.content}</div>
      </ScrollArea>
    </Box>
  );
}

export function SideBySide({ left, right }: { left: Side; right: Side }) {
  const leftRef = useRef<HTMLDivElement>(null);
  const rightRef = useRef<HTMLDivElement>(null);
  const countRef = useRef<HTMLSpanElement>(null);
  // After each render, mark the fields that differ (DOM only: the forms shown are read-only copies).
  useLayoutEffect(() => {
    if (!leftRef.current || !rightRef.current || !countRef.current) return;
    const n = markDifferences(leftRef.current, rightRef.current);
    countRef.current.textContent = n === 0 ? 'Версии не различаются.' : `Различается полей: ${n} (выделены).`;
  });
  return (
    <Box>
      <style>{DIFF_CSS}</style>
      <Text size="sm" mb="xs" fw={500}>
        <span ref={countRef} data-testid="compare-count" />
      </Text>
      <SimpleGrid cols={2} spacing="md">
        <Column side={left} testId="compare-saved" innerRef={leftRef} />
        <Column side={right} testId="compare-mine" innerRef={rightRef} />
      </SimpleGrid>
    </Box>
  );
}
