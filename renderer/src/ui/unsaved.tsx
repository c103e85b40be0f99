/**
 * Unsaved changes are never dropped silently. A form with changes not yet
 * saved says so with `useUnsavedChanges(true)`; then leaving the screen —
 * a link, an Alt+digit hotkey, Back or Forward — first asks, and reloading
 * or closing the page gets the browser's own question (`beforeunload`).
 * One <UnsavedChangesGuard /> in the layout does the asking.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { useEffect, useId } from 'react';

interface Entry {
  /** Leaving the screen asks first. */
  navigation: boolean;
  /** Reloading or closing the page asks first. */
  unload: boolean;
}

const dirty = new Map<string, Entry>();

const blocksNavigation = () => [...dirty.values()].some((e) => e.navigation);
const blocksUnload = () => [...dirty.values()].some((e) => e.unload);

/**
 * Marks this component's form as holding unsaved changes while `isDirty`.
 * `unloadOnly`: changes that survive leaving the screen (an autosaved draft
 * whose last save is still under way) but not closing the page.
 */
export function useUnsavedChanges(isDirty: boolean, opts: { unloadOnly?: boolean } = {}): void {
  const id = useId();
  const unloadOnly = opts.unloadOnly ?? false;
  useEffect(() => {
    if (!isDirty) return;
    dirty.set(id, { navigation: !unloadOnly, unload: true });
    return () => {
      dirty.delete(id);
    };
  }, [id, isDirty, unloadOnly]);
}

export function UnsavedChangesGuard() {
  const blocker = useBlocker({
    shouldBlockFn: ({ current, next }) => blocksNavigation() && (current.pathname !== next.pathname || JSON.stringify(current.search) !== JSON.stringify(next.search)),
    enableBeforeUnload: blocksUnload,
    withResolver: true,
  });
  return (
    <Modal opened={blocker.status === 'blocked'} onClose={() => blocker.reset?.()} title="Несохранённые изменения" size="md" zIndex={400}>
      <Stack>
        <Text size="sm">На этой странице есть несохранённые изменения. Если уйти, они будут потеряны.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            Остаться
          </Button>
          <Button
            color="orange"
            onClick={() => {
              // The screen being left unmounts and drops its marks.
              blocker.proceed?.();
            }}
          >
            Уйти без сохранения
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
