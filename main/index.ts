/**
 * The Electron shell: a thin adapter over the same code browser mode runs.
 *
 * - One instance per computer (single-instance lock).
 * - Where the register is: this computer (the backend in a utility process,
 *   off the window's thread; optionally serving the office's other
 *   workstations over HTTPS), or the office host at an address, over HTTPS
 *   with its certificate pinned. Asked on first start (the renderer's
 *   connection screen through `window.shell`), kept in userData.
 * - The renderer's `api` calls are forwarded to that backend; the session
 *   token stays here, one per window. Every IPC message's sender is checked.
 * - The window is locked down: context isolation, sandbox, no Node, CSP, no
 *   navigation, no new windows, no permissions.
 */
import { app, BrowserWindow, dialog, ipcMain, session, shell, utilityProcess, type IpcMainInvokeEvent, type UtilityProcess } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Envelope } from '../core/api/errors';
import { CHANGES_IPC, type ChangeMessage } from '../core/api/changes';
import { IPC_CHANNEL } from '../core/api/ipc';
import { SHELL_CHANNEL, SHELL_OPS, type ConnectionState, type ShellResult } from '../core/api/shell';
import type { FromBackend, ToBackend } from './backend-process';
import { CONTENT_SECURITY_POLICY } from './backend/http-constants';
import { ConnectionError, HostClient, normalizeHostUrl, probeHost } from './client/host-client';
import { readConnection, writeConnection, type ConnectionChoice } from './shell/connection-store';

interface CallTarget {
  call(token: string | null, method: string, input: unknown): Promise<{ envelope: Envelope<unknown>; session?: { token: string | null } }>;
  /** The host's change notifications for a session; returns a function that stops them. */
  changes(token: string | null, after: number | null, onMessage: (m: ChangeMessage) => void, onEnd: (why: 'unauthenticated' | 'network') => void): () => void;
  stop(): Promise<void>;
}

/** The backend in a utility process on this computer. */
function localBackend(network: boolean): Promise<CallTarget> {
  const child: UtilityProcess = utilityProcess.fork(join(__dirname, 'backend.js'), [], { serviceName: 'Socdesk backend' });
  const pending = new Map<number, (r: Extract<FromBackend, { type: 'result' }>['result']) => void>();
  const streams = new Map<number, { onMessage: (m: ChangeMessage) => void; onEnd: (why: 'unauthenticated' | 'network') => void }>();
  let next = 1;
  const send = (m: ToBackend) => child.postMessage(m);
  return new Promise((resolve, reject) => {
    child.on('message', (m: FromBackend) => {
      if (m.type === 'result') {
        pending.get(m.id)?.(m.result);
        pending.delete(m.id);
      } else if (m.type === 'change') streams.get(m.sid)?.onMessage(m.message);
      else if (m.type === 'changesEnd') {
        streams.get(m.sid)?.onEnd(m.why);
        streams.delete(m.sid);
      } else if (m.type === 'failed') reject(new Error(m.message));
      else if (m.type === 'ready') {
        resolve({
          call: (token, method, input) =>
            new Promise((done) => {
              const id = next++;
              pending.set(id, done);
              send({ type: 'call', id, token, method, input });
            }),
          changes: (token, after, onMessage, onEnd) => {
            const sid = next++;
            streams.set(sid, { onMessage, onEnd });
            send({ type: 'subscribe', sid, token, after });
            return () => {
              if (streams.delete(sid)) send({ type: 'unsubscribe', sid });
            };
          },
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              send({ type: 'stop' });
            }),
        });
      }
    });
    child.on('exit', (code) => {
      for (const done of pending.values()) done({ envelope: { ok: false, error: { code: 'INTERNAL', message: 'Служба Socdesk остановилась. Перезапустите программу.' } } });
      pending.clear();
      for (const s of streams.values()) s.onEnd('network');
      streams.clear();
      reject(new Error(`backend exited with ${code}`));
    });
    send({ type: 'init', dataDir: app.getPath('userData'), network, staticDir: join(__dirname, '../renderer') });
  });
}

/** The office host at an address, its certificate pinned. */
function remoteBackend(choice: Extract<ConnectionChoice, { mode: 'remote' }>): CallTarget {
  const client = new HostClient({ url: choice.url, pin: choice.pin });
  return { call: (t, m, i) => client.call(t, m, i), changes: (t, a, m, e) => client.openChanges(t, a, m, e), stop: async () => client.close() };
}

let target: CallTarget | null = null;
let choice: ConnectionChoice | null = null;
/** Session token per window (webContents id): the IPC counterpart of the cookie. */
const tokens = new Map<number, string>();
const windows = new Set<number>();

const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href;

/** Only our own windows, showing our own page, may talk to the backend. */
function trusted(event: IpcMainInvokeEvent): boolean {
  if (!windows.has(event.sender.id)) return false;
  const url = event.senderFrame?.url ?? '';
  const expected = new URL(rendererUrl);
  try {
    const u = new URL(url);
    return expected.protocol === 'file:' ? u.protocol === 'file:' && u.pathname === expected.pathname : u.origin === expected.origin;
  } catch {
    return false;
  }
}

async function connectTo(c: ConnectionChoice): Promise<void> {
  await target?.stop();
  target = null;
  tokens.clear();
  target = c.mode === 'local' ? await localBackend(c.network) : remoteBackend(c);
  choice = c;
}

function state(): ConnectionState {
  if (!choice) return { configured: false };
  return choice.mode === 'local' ? { configured: true, mode: 'local', network: choice.network } : { configured: true, mode: 'remote', url: choice.url, code: choice.code };
}

async function choose(c: ConnectionChoice): Promise<ShellResult> {
  try {
    await connectTo(c);
    writeConnection(app.getPath('userData'), c);
    return { ok: true };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

const shellOps = {
  connection: async () => state(),
  probe: async (address: unknown) => {
    try {
      const url = normalizeHostUrl(String(address ?? ''));
      return { ok: true as const, url, certificate: await probeHost(url) };
    } catch (e) {
      return { ok: false as const, message: e instanceof ConnectionError ? e.message : 'Не удалось проверить сервер.' };
    }
  },
  useThisComputer: (network: unknown) => choose({ mode: 'local', network: network === true }),
  connect: async (url: unknown, sha256: unknown) => {
    try {
      const u = normalizeHostUrl(String(url ?? ''));
      // The certificate is read again: what gets pinned is what the host presents now, and it must be what the administrator compared.
      const cert = await probeHost(u);
      if (cert.sha256 !== sha256) return { ok: false as const, message: 'Сертификат сервера изменился после проверки. Проверьте сервер заново.' };
      return choose({ mode: 'remote', url: u, pin: cert.sha256, code: cert.code });
    } catch (e) {
      return { ok: false as const, message: e instanceof ConnectionError ? e.message : 'Не удалось подключиться к серверу.' };
    }
  },
};

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'Socdesk',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const id = win.webContents.id;
  windows.add(id);
  win.on('ready-to-show', () => win.show());
  win.on('closed', () => {
    tokens.delete(id);
    windows.delete(id);
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  void win.loadURL(rendererUrl);
}

// Tests (and a second installation on one machine) may point the app at another data folder.
if (process.env.SOCDESK_USER_DATA) app.setPath('userData', process.env.SOCDESK_USER_DATA);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const w = BrowserWindow.getAllWindows()[0];
    if (w) {
      if (w.isMinimized()) w.restore();
      w.focus();
    }
  });

  app.whenReady().then(async () => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
    session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));

    // SOCDESK_CONNECTION=local: a single workstation without the first-start question (end-to-end tests of the desktop app).
    const saved = readConnection(app.getPath('userData')) ?? (process.env.SOCDESK_CONNECTION === 'local' ? { mode: 'local' as const, network: false } : null);
    if (saved) {
      try {
        await connectTo(saved);
      } catch (e) {
        dialog.showErrorBox('Socdesk: журнал не открыт', e instanceof Error ? e.message : String(e));
      }
    }

    ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, input: unknown) => {
      if (!trusted(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Запрос отклонён' } };
      if (typeof method !== 'string') return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Неизвестная операция' } };
      if (!target) return { ok: false, error: { code: 'CONNECTION', message: 'Не выбрано, где хранится журнал управления.' } };
      const id = event.sender.id;
      const result = await target.call(tokens.get(id) ?? null, method, input);
      if (result.session) {
        if (result.session.token) tokens.set(id, result.session.token);
        else tokens.delete(id);
      }
      return result.envelope;
    });

    // Live updates: one change stream per window, forwarded on one channel (the IPC counterpart of GET /api/changes).
    const windowStreams = new Map<number, () => void>();
    const stopStream = (id: number) => {
      windowStreams.get(id)?.();
      windowStreams.delete(id);
    };
    ipcMain.handle(CHANGES_IPC.subscribe, (event, after: unknown) => {
      if (!trusted(event) || !target) return false;
      const wc = event.sender;
      stopStream(wc.id);
      const seq = typeof after === 'number' && Number.isSafeInteger(after) && after >= 0 ? after : null;
      const stop = target.changes(
        tokens.get(wc.id) ?? null,
        seq,
        (m) => {
          if (!wc.isDestroyed()) wc.send(CHANGES_IPC.message, m);
        },
        (why) => {
          windowStreams.delete(wc.id);
          if (!wc.isDestroyed()) wc.send(CHANGES_IPC.closed, why);
        },
      );
      windowStreams.set(wc.id, stop);
      wc.once('destroyed', () => stopStream(wc.id));
      return true;
    });
    ipcMain.handle(CHANGES_IPC.unsubscribe, (event) => {
      if (trusted(event)) stopStream(event.sender.id);
    });

    ipcMain.handle(SHELL_CHANNEL, async (event, op: unknown, ...args: unknown[]) => {
      if (!trusted(event) || !(SHELL_OPS as readonly unknown[]).includes(op)) return { ok: false, message: 'Запрос отклонён' };
      // Once connected, the choice is changed only by the administrator on the data folder, not by the page.
      if (op !== 'connection' && op !== 'probe' && choice) return { ok: false, message: 'Подключение уже настроено.' };
      const fn = shellOps[op as keyof typeof shellOps] as (...a: unknown[]) => Promise<unknown>;
      return fn(...args);
    });

    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
app.on('will-quit', (e) => {
  if (quitting || !target) return;
  e.preventDefault();
  quitting = true;
  void target.stop().finally(() => app.quit());
});
