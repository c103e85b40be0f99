/**
 * First start of the desktop app: where is the office's register? On this
 * computer (for itself only, or also for the office's other workstations), or
 * on the office's host at an address — then the host's certificate code is
 * shown, to compare with the code on the host's screen, and pinned.
 * Shown only when the shell (window.shell) says nothing is chosen yet.
 */
import { Alert, Button, Center, Checkbox, Code, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ShellBridge } from '../../../core/api/shell';
import type { CertificateView } from '../../../core/api/sessions';

declare global {
  interface Window {
    shell?: ShellBridge;
  }
}

type Probed = { url: string; certificate: CertificateView };

export function ConnectionScreen({ shell, onDone }: { shell: ShellBridge; onDone: () => void }) {
  const [mode, setMode] = useState<'local' | 'remote'>('local');
  const [network, setNetwork] = useState(false);
  const [address, setAddress] = useState('');
  const [probed, setProbed] = useState<Probed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };

  const useLocal = () =>
    run(async () => {
      const r = await shell.useThisComputer(network);
      if (r.ok) onDone();
      else setError(r.message);
    });

  const probe = () =>
    run(async () => {
      setProbed(null);
      const r = await shell.probe(address);
      if (r.ok) setProbed({ url: r.url, certificate: r.certificate });
      else setError(r.message);
    });

  const connect = (p: Probed) =>
    run(async () => {
      const r = await shell.connect(p.url, p.certificate.sha256);
      if (r.ok) onDone();
      else {
        setProbed(null);
        setError(r.message);
      }
    });

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={620}>
        <Stack>
          <div>
            <Title order={2}>Где хранится журнал управления</Title>
            <Text c="dimmed" size="sm">
              Выбор делается один раз при первом запуске на этом компьютере.
            </Text>
          </div>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Radio.Group value={mode} onChange={(v) => (setMode(v as 'local' | 'remote'), setProbed(null), setError(null))} label="Журнал и база данных">
            <Stack mt="xs">
              <Radio value="local" label="На этом компьютере" description="Одно рабочее место, или этот компьютер — сервер управления" />
              <Radio value="remote" label="На сервере управления" description="Подключиться к журналу, который ведётся на другом компьютере" />
            </Stack>
          </Radio.Group>

          {mode === 'local' ? (
            <>
              <Checkbox
                checked={network}
                onChange={(e) => setNetwork(e.currentTarget.checked)}
                label="Открыть доступ другим рабочим местам управления по сети"
                description="Подключения шифруются (HTTPS); код сертификата будет показан в разделе «Сеансы и подключение»"
              />
              <Button onClick={useLocal} loading={busy}>
                Продолжить
              </Button>
            </>
          ) : (
            <>
              <TextInput
                label="Адрес сервера"
                description="Например 192.168.1.10 или socdesk-server:8470 — его сообщит администратор"
                value={address}
                onChange={(e) => (setAddress(e.currentTarget.value), setProbed(null))}
                required
              />
              {!probed ? (
                <Button onClick={probe} loading={busy} disabled={!address.trim()}>
                  Проверить сервер
                </Button>
              ) : (
                <Stack gap="xs">
                  <Alert color="blue" title="Сверьте код сертификата">
                    <Text size="sm">
                      Сервер <Code>{probed.url}</Code> предъявил сертификат с кодом:
                    </Text>
                    <Text fz={28} fw={700} ff="monospace" my="xs" data-testid="probed-code" aria-label="Код сертификата сервера">
                      {probed.certificate.code}
                    </Text>
                    <Text size="sm">
                      Он должен совпадать с кодом на экране сервера (раздел «Сеансы и подключение» или окно запуска сервера). Если коды различаются, не подключайтесь и сообщите администратору.
                    </Text>
                  </Alert>
                  <Button onClick={() => connect(probed)} loading={busy}>
                    Коды совпадают — подключиться
                  </Button>
                  <Button variant="default" onClick={() => setProbed(null)} disabled={busy}>
                    Коды не совпадают
                  </Button>
                </Stack>
              )}
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
