/** The single IPC channel the preload bridge and the Electron shell share. */
export const IPC_CHANNEL = 'socdesk:api';
