/**
 * Sessions across the office's workstations and the host's own details
 * (network addresses, certificate code): schemas for the contract.
 */
import { z } from 'zod';

export const IDLE_MINUTES_MIN = 5;
export const IDLE_MINUTES_MAX = 480;

export const SessionRow = z.object({
  id: z.number(),
  userId: z.number(),
  username: z.string(),
  fullName: z.string(),
  /** The workstation's address ('local': the host computer's own window) and, when known, its name. */
  source: z.string(),
  workstation: z.string().nullable(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  /** The administrator's own session. */
  current: z.boolean(),
});
export type SessionRow = z.infer<typeof SessionRow>;

export const SessionsView = z.object({
  idleMinutes: z.number(),
  rows: z.array(SessionRow),
});

export const SaveSessionSettings = z.object({
  idleMinutes: z
    .number({ error: 'Укажите число минут' })
    .int({ error: 'Укажите целое число минут' })
    .min(IDLE_MINUTES_MIN, { error: `Не менее ${IDLE_MINUTES_MIN} минут` })
    .max(IDLE_MINUTES_MAX, { error: `Не более ${IDLE_MINUTES_MAX} минут` }),
});

export const KeepAliveView = z.object({
  idleMinutes: z.number(),
  /** When the session ends if the user does nothing (the host's clock). */
  idleDeadline: z.string(),
});

/** The certificate the host serves: the code people compare and the full SHA-256 clients pin. */
export const CertificateView = z.object({
  /** Short code for reading aloud: four groups of five digits. */
  code: z.string(),
  /** SHA-256 of the certificate (DER), hex with colons, as browsers show it. */
  sha256: z.string(),
  selfSigned: z.boolean(),
  validTo: z.string(),
});
export type CertificateView = z.infer<typeof CertificateView>;

export const HostInfoView = z.object({
  /** How workstations reach this host ('https://192.168.1.10:8470/'); empty when it serves this computer only. */
  urls: z.array(z.string()),
  certificate: CertificateView.nullable(),
});
export type HostInfoView = z.infer<typeof HostInfoView>;
