/**
 * Addresses and names: which listeners count as loopback (the only place plain
 * HTTP is allowed), which Host headers this host answers (loopback names plus
 * its configured names and addresses: a DNS-rebinding page's name is not among
 * them), and the addresses workstations can reach it at.
 */
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';

export const DEFAULT_PORT = 8470;

/** Thrown for a host configuration that must not start; the message is Russian, for the console. */
export class HostConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostConfigError';
  }
}

/** '::ffff:127.0.0.1' → '127.0.0.1'; brackets dropped. */
export function normalizeAddress(a: string | undefined | null): string {
  if (!a) return '';
  let s = a.trim().toLowerCase();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (s.startsWith('::ffff:') && isIP(s.slice(7)) === 4) s = s.slice(7);
  return s;
}

export function isLoopbackAddress(a: string | undefined | null): boolean {
  const s = normalizeAddress(a);
  return s === '::1' || s === 'localhost' || (isIP(s) === 4 && s.startsWith('127.'));
}

/** Parses '0.0.0.0:8470', '192.168.1.10', '[::]:8470', ':8470'. */
export function parseListen(spec: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]*))(?::(\d+))?$/.exec(spec.trim());
  if (!m) throw new HostConfigError(`Неверный адрес --listen «${spec}»: укажите адрес и порт, например 0.0.0.0:${DEFAULT_PORT}.`);
  const host = m[1] ?? (m[2] || '0.0.0.0');
  const port = m[3] === undefined ? DEFAULT_PORT : Number(m[3]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new HostConfigError(`Неверный порт в --listen «${spec}».`);
  if (host !== 'localhost' && isIP(host) === 0) throw new HostConfigError(`В --listen укажите IP-адрес (например 0.0.0.0 — все адреса), а не имя: «${host}».`);
  return { host, port };
}

/** The addresses of this computer's network interfaces (IPv4 and IPv6, without loopback). */
export function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i): i is NonNullable<typeof i> => !!i && !i.internal)
    .map((i) => normalizeAddress(i.address));
}

const WILDCARD = new Set(['0.0.0.0', '::']);

/**
 * The names a request's Host header may carry: loopback names always; for a
 * listener beyond loopback, the configured names, this computer's name and the
 * address it listens on (all its interface addresses for 0.0.0.0).
 */
export function allowedHostNames(listenHost: string, names: readonly string[]): Set<string> {
  const allowed = new Set(['localhost', '127.0.0.1', '::1']);
  for (const n of names) allowed.add(normalizeAddress(n));
  if (!isLoopbackAddress(listenHost)) {
    const h = hostname().toLowerCase();
    allowed.add(h);
    allowed.add(`${h}.local`);
    if (WILDCARD.has(listenHost)) for (const a of interfaceAddresses()) allowed.add(a);
    else allowed.add(normalizeAddress(listenHost));
  }
  return allowed;
}

/** The hostname part of a Host header ('[::1]:8470' → '::1'), or null when malformed. */
export function hostHeaderName(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]/\\@\s]+))(?::\d{1,5})?$/.exec(header.trim());
  if (!m) return null;
  return normalizeAddress(m[1] ?? m[2]).replace(/\.$/, '');
}

/** How workstations reach a listener: 'https://192.168.1.10:8470/' for each address, and by this computer's name. */
export function reachableUrls(listenHost: string, port: number, secure: boolean, names: readonly string[]): string[] {
  const scheme = secure ? 'https' : 'http';
  const fmt = (h: string) => `${scheme}://${isIP(h) === 6 ? `[${h}]` : h}:${port}/`;
  if (isLoopbackAddress(listenHost)) return [fmt(listenHost === 'localhost' ? '127.0.0.1' : listenHost)];
  const hosts = WILDCARD.has(listenHost) ? interfaceAddresses().filter((a) => isIP(a) === 4) : [listenHost];
  return [...new Set([...names, hostname().toLowerCase(), ...hosts])].map(fmt);
}
