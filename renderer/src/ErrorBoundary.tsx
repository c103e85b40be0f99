/**
 * Catches a screen that fails while drawing: says so in Russian, reports the
 * error's kind and the component names to the host's log (nothing the user
 * typed), and offers to reload. Drafts are kept by the host (drafts.save),
 * so a reload loses nothing saved as a draft.
 */
import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { api } from './api';

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    const kind = error instanceof Error ? error.name : typeof error;
    const where = (info.componentStack ?? '')
      .split('\n')
      .map((l) => l.trim().replace(/^at\s+/, '').split(' ')[0])
      .filter(Boolean)
      .slice(0, 12)
      .join(' < ');
    void api['logs.report']({ kind: kind.slice(0, 100) || 'Error', where: where.slice(0, 2000) || '—' }).catch(() => undefined);
  }

  render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Center mih="100vh" p="md">
        <Paper withBorder p="xl" maw={560}>
          <Stack>
            <Title order={3}>На экране произошла ошибка</Title>
            <Text>Сведения об ошибке переданы в журнал программы. Сохранённые черновики не пропадут: перезагрузите окно и продолжите работу.</Text>
            <Button onClick={() => window.location.reload()}>Перезагрузить окно</Button>
          </Stack>
        </Paper>
      </Center>
    );
  }
}
