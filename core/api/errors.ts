/**
 * Machine-readable error codes shared by the backend and the renderer.
 * Every failure carries one of these plus a Russian message the UI shows as is.
 */
export const ERROR_CODES = [
  'VALIDATION', // input failed its schema: `fields` says which field and why
  'UNAUTHENTICATED', // no session or it expired
  'FORBIDDEN', // the user lacks the role
  'NOT_FOUND',
  'CONFLICT', // the action contradicts the current state (already done, duplicate, ...)
  'LOCKED', // account locked after repeated failed logins
  'BAD_CREDENTIALS',
  'NOT_INITIALIZED', // first-run setup has not been done
  'UNKNOWN_METHOD',
  'INTERNAL',
  'CONNECTION', // a workstation cannot reach the office host, or the host's certificate is not the pinned one
  'UNAVAILABLE', // the host cannot be reached: set by the renderer's transport, never by the backend
  'DATABASE_DAMAGED', // the database could not be opened at start: only recovery.* answers (main/backend/backend.ts)
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  /** Russian text, ready to show to the user. */
  message: string;
  /** Per-field Russian messages keyed by dotted input path ("applicant.snils"). */
  fields?: Record<string, string>;
  /** A CONFLICT because the record changed since the caller read it: who changed it and when. */
  stale?: StaleInfo;
}

export interface StaleInfo {
  /** Full name of who changed it; null when the program did (reference upgrade, portal exchange). */
  changedBy: string | null;
  changedAt: string | null;
  /** The record's revision now. */
  rev: number;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly stale?: StaleInfo;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>, stale?: StaleInfo) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
    this.stale = stale;
  }
  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.fields) body.fields = this.fields;
    if (this.stale) body.stale = this.stale;
    return body;
  }
}

/** What every transport returns for a call: never a thrown error across the boundary. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };
