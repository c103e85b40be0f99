/** Row → API view conversions and the small reads several handlers share. */
import { and, eq } from 'drizzle-orm';
import type { OfficeView, RefItem, SessionView, UserView } from '../../core/api/contract';
import { ApiError } from '../../core/api/errors';
import type { Db } from '../../db/connection';
import { refItems, settings, users } from '../../db/schema';

export function toUserView(u: typeof users.$inferSelect): UserView {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    position: u.position,
    roles: u.roles,
    active: u.active,
    lockedUntil: u.lockedUntil,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
    rev: u.rev,
  };
}

export function toRefItem(r: typeof refItems.$inferSelect): RefItem {
  return {
    kind: r.kind,
    code: r.code,
    number: r.number,
    name: r.name,
    shortName: r.shortName,
    address: r.address,
    phone: r.phone,
    email: r.email,
    details: r.details,
    active: r.active,
    locallyModified: r.locallyModified,
    rev: r.rev,
  };
}

export function getSetting(db: Db, key: string): string | null {
  return db.select().from(settings).where(eq(settings.key, key)).get()?.value ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

export const OFFICE_SETTING = 'office_code';

export function officeRow(db: Db): typeof refItems.$inferSelect {
  const code = getSetting(db, OFFICE_SETTING);
  if (!code) throw new ApiError('NOT_INITIALIZED', 'Программа ещё не настроена: выполните первоначальную настройку.');
  const row = db.select().from(refItems).where(and(eq(refItems.kind, 'office'), eq(refItems.code, code))).get();
  if (!row) throw new ApiError('NOT_FOUND', 'Управление не найдено в справочнике.');
  return row;
}

export function toOfficeView(r: typeof refItems.$inferSelect): OfficeView {
  const d = r.details;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    code: r.code,
    number: r.number ?? 0,
    territory: str(d.territory) ?? '',
    name: r.name,
    address: r.address ?? '',
    phone: r.phone ?? '',
    email: r.email ?? '',
    headName: str(d.headName),
    headPosition: str(d.headPosition),
    locallyModified: r.locallyModified,
    rev: r.rev,
  };
}

export function sessionView(db: Db, userId: number): SessionView {
  const u = db.select().from(users).where(eq(users.id, userId)).get();
  if (!u) throw new ApiError('NOT_FOUND', 'Пользователь не найден.');
  return { user: toUserView(u), office: toOfficeView(officeRow(db)) };
}

/** A user row without the password hash, for the audit log. */
export function auditableUser(u: typeof users.$inferSelect) {
  const { passwordHash: _omit, ...rest } = u;
  return rest;
}
