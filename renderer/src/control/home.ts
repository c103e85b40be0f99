/**
 * Each role's home screen, chosen at every sign-in (never the screen the
 * previous user left open): the head the control dashboard, a specialist
 * «Мои дела», reception the journal, the administrator administration.
 */
import type { Role } from '../../../core/api/schemas';

export type HomePath = '/control' | '/my' | '/journal' | '/admin/office' | '/exchange';

export function homeOf(roles: readonly Role[]): HomePath {
  if (roles.includes('head')) return '/control';
  if (roles.includes('specialist')) return '/my';
  if (roles.includes('reception')) return '/journal';
  if (roles.includes('admin')) return '/admin/office';
  if (roles.includes('exchange')) return '/exchange';
  return '/journal';
}
