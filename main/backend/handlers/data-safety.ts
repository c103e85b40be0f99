/** Data safety for the administrator: the audit chain, backups, the program's recent problems. */
import { verifyChain } from '../../../db/audit-chain';
import { ApiError } from '../../../core/api/errors';
import type { BackupManifest } from '../backups/backups';
import { BackupError } from '../backups/backups';
import { BackupCryptoError } from '../backups/crypto-file';
import type { BackupService } from '../backups/service';
import { log, recentProblems } from '../logger';
import { isLoopbackAddress } from '../../host/network';
import type { UserCtx } from '../context';
import type { HandlerGroup } from './types';

function view(m: BackupManifest) {
  return { file: m.file, kind: m.kind, createdAt: m.createdAt, bytes: m.bytes, verified: m.verified, verifiedAt: m.verifiedAt, counts: m.counts, auditCount: m.audit.count, auditHead: m.audit.head };
}

function backups(ctx: UserCtx): BackupService {
  const b = ctx.services.backups;
  if (!b) throw new ApiError('CONFLICT', 'Резервные копии недоступны для этой базы данных.');
  return b;
}

function statusView(b: BackupService) {
  const s = b.status();
  return { ...s, backups: s.backups.map(view), lastVerified: s.lastVerified && view(s.lastVerified) };
}

/** Backup failures carry Russian sentences of their own; anything else is logged and described plainly. */
async function backupCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof BackupError || e instanceof BackupCryptoError) throw new ApiError('CONFLICT', e.message);
    if (e instanceof ApiError) throw e;
    throw new ApiError('CONFLICT', 'Операцию с резервной копией выполнить не удалось: нет доступа к папке или на диске нет места. Подробности — в журнале программы.');
  }
}

export const dataSafetyHandlers: HandlerGroup<
  'audit.verify' | 'backups.status' | 'backups.saveSettings' | 'backups.create' | 'backups.verify' | 'backups.restore' | 'logs.recent' | 'logs.report' | 'recovery.status' | 'recovery.restore'
> = {
  'audit.verify': (ctx) => {
    const v = verifyChain(ctx.db.$client);
    return v.ok ? { ok: true, count: v.count, head: v.head, lastId: v.lastId, brokenId: null } : { ok: false, count: v.count, head: null, lastId: null, brokenId: v.brokenId };
  },
  'backups.status': (ctx) => statusView(backups(ctx)),
  'backups.saveSettings': (ctx, input) => {
    const b = backups(ctx);
    const { passphrase, ...settings } = input;
    ctx.tx(() => {
      const before = b.settings();
      b.saveSettings(settings);
      ctx.audit({ action: 'backups.settings', entity: 'settings', entityId: 'backup', before, after: { ...settings, passphraseChanged: passphrase != null } });
    });
    if (passphrase != null) b.setPassphrase(passphrase);
    return statusView(b);
  },
  'backups.create': async (ctx) => {
    const m = await backupCall(() => backups(ctx).run('manual'));
    ctx.tx(() => ctx.audit({ action: 'backups.create', entity: 'backup', entityId: m.file, after: { bytes: m.bytes, auditCount: m.audit.count } }));
    return view(m);
  },
  'backups.verify': async (ctx, input) => view(await backupCall(() => backups(ctx).verify(input.file))),
  'backups.restore': async (ctx, input) => {
    const restore = ctx.services.restore;
    if (!restore) throw new ApiError('CONFLICT', 'Восстановление недоступно.');
    const r = await backupCall(() => restore(input.file));
    // Recorded in the restored database (ctx.tx and ctx.audit follow the backend to it): its history says when and from which copy it came back.
    // The restoring administrator may not exist in the copy: then the row names the account only in `after`.
    const known = ctx.services.userExists(ctx.user.id, ctx.user.username);
    const after = { file: input.file, savedAs: r.saved?.file ?? null, restoredAuditCount: r.restored.audit.count, byUserId: ctx.user.id };
    ctx.tx(() => ctx.audit({ action: 'backups.restore', entity: 'backup', entityId: input.file, after, ...(known ? {} : { actor: { id: null, username: null } }) }));
    return { restored: view(r.restored), saved: r.saved && view(r.saved) };
  },
  'logs.recent': (_ctx, input) => recentProblems(input.limit),
  'logs.report': (_ctx, input) => {
    // Component names only (the boundary sends no props, no text the user typed).
    log.error('renderer error', null, { kind: input.kind.replace(/[^\w.-]/g, '').slice(0, 60), where: input.where.replace(/[^\w\s<>.()-]/g, '').slice(0, 500) });
    return { ok: true };
  },
  'recovery.status': (ctx) => {
    const damaged = ctx.services.damaged;
    const last = ctx.services.backups?.status().lastVerified ?? null;
    return { damaged: damaged != null, reason: damaged, lastVerified: last && view(last) };
  },
  'recovery.restore': async (ctx) => {
    if (ctx.services.damaged == null) throw new ApiError('CONFLICT', 'База данных исправна: восстановление из этого окна не требуется. Используйте экран «Резервные копии».');
    const from = ctx.session.from.source;
    if (from !== 'local' && !isLoopbackAddress(from)) throw new ApiError('FORBIDDEN', 'Восстановить повреждённую базу можно только на компьютере-сервере Socdesk.');
    const last = ctx.services.backups?.status().lastVerified;
    if (!last) throw new ApiError('NOT_FOUND', 'Проверенных резервных копий нет. Обратитесь к администратору: копию из другой папки восстанавливают командой восстановления на сервере.');
    const r = await backupCall(() => ctx.services.restore!(last.file));
    ctx.tx(() => ctx.audit({ action: 'backups.restore', entity: 'backup', entityId: last.file, after: { file: last.file, damagedCopy: r.damagedCopy != null, via: 'recovery screen' }, actor: { id: null, username: null } }));
    return { restored: view(r.restored) };
  },
};
