/**
 * Writes docs/api.md from the API contract (core/api/contract.ts): every
 * method with who may call it, its input and its output as JSON Schema.
 * `--check` fails when the committed file is stale (CI runs that).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { methods, type MethodName } from '../core/api/contract';
import { ERROR_CODES } from '../core/api/errors';
import { ROLE_LABELS } from '../core/api/schemas';

function schemaText(s: z.ZodType, io: 'input' | 'output'): string {
  const json = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return JSON.stringify(json, null, 2);
}

export function renderApiDocs(): string {
  const lines = [
    '# Socdesk API',
    '',
    'Generated from `core/api/contract.ts` by `npm run docs:api`. Do not edit by hand.',
    '',
    'One contract, two transports. In Electron the renderer calls `window.api.call(method, input)`, which the preload bridge',
    'forwards over the IPC channel `socdesk:api`. In browser mode the same call is `POST /api/<method>` with a JSON body and',
    'the session in the `socdesk_sid` cookie (HttpOnly, SameSite=Strict). Both answer with an envelope:',
    '',
    '```ts',
    '{ ok: true, data: Output } | { ok: false, error: { code, message, fields?, stale? } }',
    '```',
    '',
    '`message` is Russian text for the user; `fields` maps an input path (`days.0.date`) to a Russian message for that field.',
    `Error codes: ${ERROR_CODES.map((c) => '`' + c + '`').join(', ')}.`,
    '',
    '**Revisions.** Every record a person edits carries `rev` in its view. A save names the revision it edits (`rev`; 0 for a',
    'new record); over a newer one it is refused with `CONFLICT` and `stale: { changedBy, changedAt, rev }`, the message',
    'naming who changed the record and when, and nothing is written.',
    '',
    '**Change notifications.** `GET /api/changes` (browser mode, session cookie) is a server-sent event stream of the host\'s',
    'change feed: `change` events `{ seq, kind, id, rev, caseId }` (no personal data), `ready` with the head of the feed',
    'after the catch-up, `reset` when the client must re-read everything, `end` when the session ended. Reconnect with',
    '`?after=<seq>` or `Last-Event-ID` to get what was missed. In Electron the same messages come over IPC',
    '(`window.api.changes`). See `core/api/changes.ts`.',
    '',
    'Access: **public** needs no session; **user** needs any signed-in user; otherwise one of the listed roles',
    `(${Object.entries(ROLE_LABELS).map(([k, v]) => `\`${k}\` — ${v}`).join(', ')}). Every input is validated by its schema before the handler runs.`,
    '',
    '| method | access | writes | summary |',
    '|---|---|---|---|',
  ];
  const names = Object.keys(methods) as MethodName[];
  for (const m of names) {
    const d = methods[m];
    const access = typeof d.access === 'string' ? d.access : d.access.join(', ');
    lines.push(`| [\`${m}\`](#${m.replace(/\./g, '').toLowerCase()}) | ${access} | ${d.write ? 'yes' : ''} | ${d.summary} |`);
  }
  for (const m of names) {
    const d = methods[m];
    lines.push('', `## ${m}`, '', d.summary, '');
    lines.push(`Access: ${typeof d.access === 'string' ? d.access : d.access.join(', ')}.`, '');
    lines.push('Input:', '', '```json', schemaText(d.input, 'input'), '```', '', 'Output:', '', '```json', schemaText(d.output, 'output'), '```');
  }
  return lines.join('\n') + '\n';
}

const file = join(__dirname, '..', 'docs', 'api.md');
const text = renderApiDocs();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error('docs/api.md is out of date: run `npm run docs:api` and commit it.');
    process.exit(1);
  }
  console.log('docs/api.md is up to date');
} else {
  writeFileSync(file, text);
  console.log('docs/api.md written');
}
