/**
 * The desktop shell's own bridge (Electron only): where this workstation's
 * register is. `window.shell` exists in the desktop app; browser mode has no
 * choice to make (the page talks to the host that served it).
 */
import type { CertificateView } from './sessions';

export const SHELL_CHANNEL = 'socdesk:shell';

export type ConnectionState =
  | { configured: false }
  | { configured: true; mode: 'local'; network: boolean }
  | { configured: true; mode: 'remote'; url: string; code: string };

export type ShellResult = { ok: true } | { ok: false; message: string };

export interface ShellBridge {
  /** What this workstation is connected to; `configured: false` on first start. */
  connection(): Promise<ConnectionState>;
  /** Reads the certificate of the office host at an address, for the administrator to compare its code. */
  probe(address: string): Promise<{ ok: true; url: string; certificate: CertificateView } | { ok: false; message: string }>;
  /** This computer keeps the register; `network`: other workstations of the office connect to it. */
  useThisComputer(network: boolean): Promise<ShellResult>;
  /** Connect to the office host at `url`, pinning the certificate whose SHA-256 the administrator confirmed. */
  connect(url: string, sha256: string): Promise<ShellResult>;
}

export const SHELL_OPS = ['connection', 'probe', 'useThisComputer', 'connect'] as const;
