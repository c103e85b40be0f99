/**
 * The host's TLS certificate. On first start beyond loopback the host makes
 * its own (self-signed, EC P-256, ten years) with `selfsigned` and keeps it in
 * `<data-dir>/tls/` with the key readable by its own user only (0600). An
 * office with its own CA puts its certificate and key there instead (or passes
 * --tls-cert/--tls-key). Workstations pin the certificate's SHA-256; people
 * compare the short code derived from it.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isIP } from 'node:net';
import { generate } from 'selfsigned';
import type { CertificateView } from '../../core/api/sessions';
import { HostConfigError, interfaceAddresses } from './network';

export interface TlsMaterial {
  key: string;
  cert: string;
  info: CertificateView;
  /** Whether it was made now (first start). */
  created: boolean;
}

export const TLS_DIR = 'tls';
export const CERT_FILE = 'cert.pem';
export const KEY_FILE = 'key.pem';

/**
 * The short code of a certificate: four groups of five digits from its SHA-256
 * (66 bits), easy to read aloud and to compare on two screens.
 */
export function certificateCode(der: Buffer): string {
  const h = createHash('sha256').update(der).digest();
  const groups: string[] = [];
  for (let i = 0; i < 4; i++) {
    const n = h.readUIntBE(i * 5, 5) % 100_000;
    groups.push(String(n).padStart(5, '0'));
  }
  return groups.join(' ');
}

export function describeCertificate(certPem: string): CertificateView {
  const x = new X509Certificate(certPem);
  return {
    code: certificateCode(x.raw),
    sha256: x.fingerprint256,
    selfSigned: x.issuer === x.subject && x.verify(x.publicKey),
    validTo: new Date(x.validTo).toISOString(),
  };
}

async function makeSelfSigned(names: readonly string[]): Promise<{ key: string; cert: string }> {
  const dns = new Set(['localhost', hostname().toLowerCase(), ...names.filter((n) => isIP(n) === 0)]);
  const ips = new Set(['127.0.0.1', '::1', ...interfaceAddresses(), ...names.filter((n) => isIP(n) !== 0)]);
  const notBeforeDate = new Date(Date.now() - 24 * 3600_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 3650 * 24 * 3600_000);
  const pems = await generate([{ name: 'commonName', value: `Socdesk ${hostname()}` }, { name: 'organizationName', value: 'Socdesk' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...[...dns].map((value) => ({ type: 2 as const, value })), ...[...ips].map((ip) => ({ type: 7 as const, ip }))],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/**
 * The certificate to serve: the given files, else `<dataDir>/tls/{cert,key}.pem`,
 * made on first start. The key file is (re)set to 0600.
 */
export async function loadOrCreateCertificate(dataDir: string, names: readonly string[], files?: { certFile: string; keyFile: string }): Promise<TlsMaterial> {
  const dir = join(dataDir, TLS_DIR);
  const certFile = files?.certFile ?? join(dir, CERT_FILE);
  const keyFile = files?.keyFile ?? join(dir, KEY_FILE);
  let created = false;
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    if (files) throw new HostConfigError(`Не найден файл сертификата или ключа: ${existsSync(certFile) ? keyFile : certFile}.`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const made = await makeSelfSigned(names);
    writeFileSync(keyFile, made.key, { mode: 0o600 });
    writeFileSync(certFile, made.cert, { mode: 0o644 });
    created = true;
  }
  try {
    chmodSync(keyFile, 0o600);
  } catch {
    // A key on a read-only medium or owned by another user: served as it is.
  }
  const key = readFileSync(keyFile, 'utf8');
  const cert = readFileSync(certFile, 'utf8');
  let info: CertificateView;
  try {
    info = describeCertificate(cert);
  } catch {
    throw new HostConfigError(`Файл ${certFile} не является сертификатом в формате PEM.`);
  }
  return { key, cert, info, created };
}
