/**
 * The workstation's choice of where the register is, kept in its own data
 * folder (`connection.json`): this computer (for itself only, or also for the
 * office's other workstations), or the office host at an address with its
 * pinned certificate. Plain Node: the desktop shell reads and writes it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type ConnectionChoice = { mode: 'local'; network: boolean } | { mode: 'remote'; url: string; pin: string; code: string };

export const CONNECTION_FILE = 'connection.json';

export function readConnection(dir: string): ConnectionChoice | null {
  const f = join(dir, CONNECTION_FILE);
  if (!existsSync(f)) return null;
  try {
    const v = JSON.parse(readFileSync(f, 'utf8')) as Partial<ConnectionChoice> & Record<string, unknown>;
    if (v.mode === 'local') return { mode: 'local', network: v.network === true };
    if (v.mode === 'remote' && typeof v.url === 'string' && typeof v.pin === 'string') return { mode: 'remote', url: v.url, pin: v.pin, code: String(v.code ?? '') };
  } catch {
    // A damaged file: asked again, as on first start.
  }
  return null;
}

export function writeConnection(dir: string, choice: ConnectionChoice): void {
  const f = join(dir, CONNECTION_FILE);
  mkdirSync(dirname(f), { recursive: true });
  writeFileSync(f, JSON.stringify(choice, null, 2), { mode: 0o600 });
}
