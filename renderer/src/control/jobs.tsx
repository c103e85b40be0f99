/**
 * Exports and reports run as jobs on the host: started, polled for progress
 * (rows done of total), then downloaded once. A big export shows its progress
 * bar; a small one is simply downloaded.
 */
import { Button, Group, Modal, Progress, Stack, Text, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import type { Out } from '../../../core/api/contract';
import { ApiError } from '../../../core/api/errors';
import { api } from '../api';
import { downloadFile } from '../ui/download';
import { notifyError } from '../ui/forms';

type Started = Out<'exports.cases'>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Follows a started job to its file; `onProgress` gets the share done (0..1). */
export async function followJob(started: Started, onProgress: (done: number, total: number) => void): Promise<void> {
  for (;;) {
    const s = await api['exports.status']({ jobId: started.jobId });
    onProgress(s.done, s.total);
    if (s.state === 'failed') throw new ApiError('INTERNAL', s.error ?? 'Не удалось подготовить файл. Повторите действие.');
    if (s.state === 'done') break;
    await sleep(400);
  }
  downloadFile(await api['exports.download']({ jobId: started.jobId }));
}

/** A button that starts a job and shows its progress until the file is downloaded. */
export function JobButton({ start, children, title, ...props }: { start: () => Promise<Started>; title: string } & ButtonProps & { children: React.ReactNode }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const started = await start();
      setProgress({ done: 0, total: started.total });
      await followJob(started, (done, total) => setProgress({ done, total }));
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  return (
    <>
      <Button variant="default" loading={busy} onClick={() => void run()} {...props}>
        {children}
      </Button>
      <Modal opened={progress !== null && progress.total > 2000} onClose={() => undefined} withCloseButton={false} title={title} centered>
        <Stack gap="xs">
          <Progress value={progress && progress.total ? (100 * progress.done) / progress.total : 0} animated aria-label="Ход подготовки файла" />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Подготовлено строк: {progress?.done.toLocaleString('ru-RU')} из {progress?.total.toLocaleString('ru-RU')}
            </Text>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
