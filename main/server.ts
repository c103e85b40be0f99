/**
 * Browser mode: `npm run serve` → `node out/main/server.js [--port 8470]
 * [--host 127.0.0.1] [--data-dir ./data]`. Runs the same backend as the
 * desktop app, in plain Node, and serves the built renderer.
 */
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Backend } from './backend/backend';
import { DB_FILE_NAME } from '../db/connection';
import { createHttpServer } from './backend/http-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SOCDESK_PORT ?? '8470' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string', default: process.env.SOCDESK_DATA_DIR ?? './data' },
    'static-dir': { type: 'string' },
  },
});

const dataDir = resolve(values['data-dir']!);
let backend: Backend;
try {
  backend = new Backend({ dbFile: join(dataDir, DB_FILE_NAME) });
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
const staticDir = values['static-dir'] ? resolve(values['static-dir']) : join(__dirname, '..', 'renderer');
const server = createHttpServer({ backend, staticDir });
const port = Number(values.port);
server.listen(port, values.host, () => {
  const { port: actual } = server.address() as AddressInfo;
  // Printed even when logging is silenced: tests and scripts read the address from it.
  console.log(JSON.stringify({ msg: 'socdesk browser mode listening', url: `http://${values.host}:${actual}/` }));
});

backend.startExchange();

function shutdown(): void {
  server.close();
  void backend.shutdown().finally(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
