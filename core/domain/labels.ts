/**
 * Short Russian labels of codes for lists, exports and reports (the full
 * titles live in the reference data and the domain modules).
 */
import type { SubserviceCode } from './checklists';

/** «1. На дому»: the sub-service numbers of p.1 with a short name, as the lists show them. */
export const SUBSERVICE_SHORT_LABELS: Record<SubserviceCode, string> = {
  home: '1. На дому',
  'semi-stationary': '2. Полустационарная',
  stationary: '3. Стационарная',
  'special-housing': '4. Спец. жилищный фонд',
  'minors-semi-stationary': '5. Несовершеннолетние',
};

export function subserviceLabel(code: string): string {
  return SUBSERVICE_SHORT_LABELS[code as SubserviceCode] ?? code;
}
