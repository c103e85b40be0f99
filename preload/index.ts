/**
 * The preload bridge: exposes exactly one function to the sandboxed renderer,
 * `window.api.call(method, input)`, which forwards to the main process over
 * one IPC channel. No Node or Electron object reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Transport } from '../core/api/contract';
import type { Envelope } from '../core/api/errors';
import { IPC_CHANNEL } from '../core/api/ipc';

const api: Transport = {
  call: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, input) as Promise<Envelope<unknown>>,
};

contextBridge.exposeInMainWorld('api', api);
