/**
 * The office host: one installation that keeps the register and serves it to
 * every workstation. Loopback only (the default, one workstation, browser
 * mode): plain HTTP or HTTPS. Beyond loopback: HTTPS only, with the host's own
 * certificate (made on first start) or the office's; its code is shown on the
 * console and in the log, for workstations to compare before they pin it.
 */
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { CertificateView, HostInfoView } from '../../core/api/sessions';
import { DB_FILE_NAME } from '../../db/connection';
import { Backend } from '../backend/backend';
import { createHttpServer, type HttpLimits } from '../backend/http-server';
import { log } from '../backend/logger';
import { allowedHostNames, HostConfigError, isLoopbackAddress, reachableUrls } from './network';
import { loadOrCreateCertificate } from './tls';

export interface HostConfig {
  dataDir: string;
  /** Address and port to listen on; port 0 picks a free one. */
  listen: { host: string; port: number };
  /**
   * 'auto': HTTPS beyond loopback, plain HTTP on loopback; 'on': HTTPS always;
   * 'off': plain HTTP, refused beyond loopback.
   */
  tls?: 'auto' | 'on' | 'off';
  /** The office's own certificate and key (PEM files) instead of the host's self-made one. */
  tlsFiles?: { certFile: string; keyFile: string };
  /** Names (DNS) and addresses workstations use for this host, besides those it finds itself. */
  names?: string[];
  staticDir?: string;
  limits?: Partial<HttpLimits>;
  /** A backend already open on the register (the desktop app's); otherwise the host opens `<dataDir>/socdesk.sqlite`. */
  backend?: Backend;
  /** Start the periodic exchange with the portal (default true). */
  exchange?: boolean;
}

export interface RunningHost {
  backend: Backend;
  server: FastifyInstance;
  /** The address actually listened on ('https://127.0.0.1:43121/'). */
  url: string;
  port: number;
  secure: boolean;
  certificate: CertificateView | null;
  info(): HostInfoView;
  close(): Promise<void>;
}

export async function startHost(cfg: HostConfig): Promise<RunningHost> {
  const loopback = isLoopbackAddress(cfg.listen.host);
  const mode = cfg.tls ?? 'auto';
  if (mode === 'off' && !loopback) {
    throw new HostConfigError(
      `Без шифрования Socdesk принимает подключения только с этого компьютера (127.0.0.1). Для адреса ${cfg.listen.host} нужен HTTPS: уберите параметр отключения TLS.`,
    );
  }
  const secure = mode === 'on' || (mode === 'auto' && !loopback) || Boolean(cfg.tlsFiles);
  const names = (cfg.names ?? []).map((n) => n.trim().toLowerCase()).filter(Boolean);
  const tls = secure ? await loadOrCreateCertificate(cfg.dataDir, names, cfg.tlsFiles) : null;
  const ownBackend = !cfg.backend;
  const backend = cfg.backend ?? new Backend({ dbFile: join(cfg.dataDir, DB_FILE_NAME) });
  let server: FastifyInstance;
  try {
    server = await createHttpServer({
      backend,
      staticDir: cfg.staticDir,
      tls: tls ? { key: tls.key, cert: tls.cert } : undefined,
      allowedHosts: allowedHostNames(cfg.listen.host, names),
      limits: cfg.limits,
    });
    await server.listen({ host: cfg.listen.host, port: cfg.listen.port });
  } catch (e) {
    if (ownBackend) backend.close();
    throw e;
  }
  const port = (server.server.address() as AddressInfo).port;
  const shown = loopback ? (cfg.listen.host === 'localhost' ? '127.0.0.1' : cfg.listen.host) : cfg.listen.host;
  const url = `${secure ? 'https' : 'http'}://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
  const info = (): HostInfoView => ({ urls: loopback ? [] : reachableUrls(cfg.listen.host, port, secure, names), certificate: tls?.info ?? null });
  backend.services.host = info;
  if (tls) {
    log.info(tls.created ? 'tls certificate created' : 'tls certificate loaded', { code: tls.info.code, sha256: tls.info.sha256, selfSigned: tls.info.selfSigned });
  }
  if (ownBackend && cfg.exchange !== false) backend.startExchange();
  if (ownBackend) backend.startBackups();
  return {
    backend,
    server,
    url,
    port,
    secure,
    certificate: tls?.info ?? null,
    info,
    close: async () => {
      backend.services.host = null;
      await server.close();
      if (ownBackend) await backend.shutdown();
    },
  };
}
