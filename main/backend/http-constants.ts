/** Names the network transport, its clients and the desktop shell share (no server code, so the shell can import them). */
export const SESSION_COOKIE = 'socdesk_sid';
/** A workstation's Socdesk names itself in this header (shown to the administrator; not trusted for anything). */
export const WORKSTATION_HEADER = 'x-socdesk-workstation';

/** Same policy as the meta tag in renderer/index.html. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
