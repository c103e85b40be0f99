/**
 * The address in parts (core/domain/address.ts) as an API input: bounded
 * strings, the postcode as 6 digits, and a place (город (район) or
 * населённый пункт) at least. A person's address is sent either in parts or,
 * by older clients and portal events, as one line of text.
 */
import { z } from 'zod';
import { POSTCODE_RE } from '../domain/address';
import { optText } from './schemas';

export const PLACE_REQUIRED = 'Укажите район / город или населённый пункт';
export const POSTCODE_ERROR = 'Индекс — 6 цифр';

export const AddressPartsInput = z
  .object({
    index: z.preprocess(
      (v) => (typeof v === 'string' ? v.replace(/\s/g, '') || undefined : v),
      z.string().max(6, { error: POSTCODE_ERROR }).regex(POSTCODE_RE, { error: POSTCODE_ERROR }).optional(),
    ),
    district: optText(200),
    settlement: optText(200),
    street: optText(200),
    house: optText(20),
    building: optText(20),
    flat: optText(20),
  })
  .superRefine((p, ctx) => {
    if (!p.district && !p.settlement) ctx.addIssue({ code: 'custom', path: ['district'], message: PLACE_REQUIRED });
  });

/** The parts as stored and shown (every part optional). */
export const AddressPartsView = z.object({
  index: z.string().optional(),
  district: z.string().optional(),
  settlement: z.string().optional(),
  street: z.string().optional(),
  house: z.string().optional(),
  building: z.string().optional(),
  flat: z.string().optional(),
});
