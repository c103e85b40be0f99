/**
 * The preload bridge: exposes to the sandboxed renderer exactly
 * `window.api.call(method, input)` (the API, over one IPC channel) and
 * `window.shell` (where this workstation's register is: the first-start
 * choice). No Node or Electron object reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Transport } from '../core/api/contract';
import type { Envelope } from '../core/api/errors';
import { IPC_CHANNEL } from '../core/api/ipc';
import { SHELL_CHANNEL, type ShellBridge } from '../core/api/shell';

const api: Transport = {
  call: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, input) as Promise<Envelope<unknown>>,
};

const shellBridge: ShellBridge = {
  connection: () => ipcRenderer.invoke(SHELL_CHANNEL, 'connection'),
  probe: (address) => ipcRenderer.invoke(SHELL_CHANNEL, 'probe', address),
  useThisComputer: (network) => ipcRenderer.invoke(SHELL_CHANNEL, 'useThisComputer', network),
  connect: (url, sha256) => ipcRenderer.invoke(SHELL_CHANNEL, 'connect', url, sha256),
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('shell', shellBridge);
