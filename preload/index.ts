/**
 * The preload bridge: exposes to the sandboxed renderer exactly
 * `window.api.call(method, input)` (the API, over one IPC channel),
 * `window.api.changes(...)` (the host's change notifications) and
 * `window.shell` (where this workstation's register is: the first-start
 * choice). No Node or Electron object reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Transport } from '../core/api/contract';
import type { Envelope } from '../core/api/errors';
import { CHANGES_IPC, type ChangeMessage } from '../core/api/changes';
import { IPC_CHANNEL } from '../core/api/ipc';
import { SHELL_CHANNEL, type ShellBridge } from '../core/api/shell';

const api: Transport = {
  call: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, input) as Promise<Envelope<unknown>>,
  changes: (after, onMessage, onClose) => {
    const listener = (_e: unknown, m: ChangeMessage) => onMessage(m);
    const closed = (_e: unknown, why: 'unauthenticated' | 'network') => {
      cleanup();
      onClose(why);
    };
    const cleanup = () => {
      ipcRenderer.removeListener(CHANGES_IPC.message, listener);
      ipcRenderer.removeListener(CHANGES_IPC.closed, closed);
    };
    ipcRenderer.on(CHANGES_IPC.message, listener);
    ipcRenderer.on(CHANGES_IPC.closed, closed);
    ipcRenderer.invoke(CHANGES_IPC.subscribe, after).then(
      (ok: boolean) => {
        if (!ok) closed(null, 'unauthenticated');
      },
      () => closed(null, 'network'),
    );
    return () => {
      cleanup();
      void ipcRenderer.invoke(CHANGES_IPC.unsubscribe);
    };
  },
};

const shellBridge: ShellBridge = {
  connection: () => ipcRenderer.invoke(SHELL_CHANNEL, 'connection'),
  probe: (address) => ipcRenderer.invoke(SHELL_CHANNEL, 'probe', address),
  useThisComputer: (network) => ipcRenderer.invoke(SHELL_CHANNEL, 'useThisComputer', network),
  connect: (url, sha256) => ipcRenderer.invoke(SHELL_CHANNEL, 'connect', url, sha256),
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('shell', shellBridge);
