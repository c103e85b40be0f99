/**
 * The Electron shell: a thin adapter around the same Backend that browser
 * mode serves over HTTP. It opens the office database in userData, answers
 * the renderer's `api` IPC channel, keeps one session per window, and locks
 * the window down (context isolation, sandbox, no Node, CSP, no navigation,
 * no new windows).
 */
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { IPC_CHANNEL } from '../core/api/ipc';
import { DB_FILE_NAME } from '../db/connection';
import { Backend } from './backend/backend';
import { CONTENT_SECURITY_POLICY } from './backend/http-server';

let backend: Backend | null = null;
/** Session token per renderer (webContents id): the IPC counterpart of the cookie. */
const tokens = new Map<number, string>();

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
  win.on('ready-to-show', () => win.show());
  win.on('closed', () => tokens.delete(id));
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());

  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
}

// Tests (and a second installation on one machine) may point the app at another data folder.
if (process.env.SOCDESK_USER_DATA) app.setPath('userData', process.env.SOCDESK_USER_DATA);

app.whenReady().then(() => {
  try {
    backend = new Backend({ dbFile: join(app.getPath('userData'), DB_FILE_NAME) });
  } catch (e) {
    dialog.showErrorBox('Socdesk: база данных не открыта', e instanceof Error ? e.message : String(e));
    app.quit();
    return;
  }

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));

  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (typeof method !== 'string' || !backend) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Неизвестная операция' } };
    }
    const id = event.sender.id;
    const result = await backend.call(tokens.get(id) ?? null, method, input);
    if (result.session) {
      if (result.session.token) tokens.set(id, result.session.token);
      else tokens.delete(id);
    }
    return result.envelope;
  });

  backend.startExchange();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  backend?.close();
  backend = null;
});
