import { z } from 'zod';
import { AGENCY_LEVELS } from './agency.model.js';
import { choice, isHttpUrl } from './schema-kit.js';

/** Form fields arrive as strings; an empty field means "not given". */
const optionalText = (max: number, tooLong: string) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().max(max, tooLong).optional().default(''));

/** Aliases come as an array (API) or one per line / comma-separated (HTML textarea). */
const aliasList = z.preprocess(
  (v) => {
    const items = typeof v === 'string' ? v.split(/[\n,;]/) : Array.isArray(v) ? v : v === undefined ? [] : v;
    return Array.isArray(items)
      ? [...new Set(items.map((s) => (typeof s === 'string' ? s.trim() : s)).filter((s) => s !== ''))]
      : items;
  },
  z.array(z.string().max(120, 'agencies:errors.alias_too_long')).max(20, 'agencies:errors.too_many_aliases'),
);

const website = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z
    .string()
    .max(300, 'agencies:errors.website_invalid')
    .refine((s) => s === '' || isHttpUrl(s), 'agencies:errors.website_invalid')
    .optional()
    .default(''),
);

/** Kemendagri code: '13' (province) or '13.72' (kabupaten/kota); existence is checked by the service. */
const regionCode = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z
    .string()
    .regex(/^(\d{2}(\.\d{2})?)?$/, 'agencies:errors.region_invalid')
    .optional()
    .default(''),
);

export const agencyInputSchema = z.object({
  name: z.string({ required_error: 'agencies:errors.name_required' }).trim().min(3, 'agencies:errors.name_required').max(200, 'agencies:errors.name_too_long'),
  shortName: z
    .string({ required_error: 'agencies:errors.short_name_required' })
    .trim()
    .min(2, 'agencies:errors.short_name_required')
    .max(80, 'agencies:errors.short_name_too_long'),
  aliases: aliasList,
  level: choice(AGENCY_LEVELS, 'agencies:errors.level_invalid'),
  regionCode,
  address: optionalText(500, 'agencies:errors.address_too_long'),
  website,
});
export type AgencyInput = z.infer<typeof agencyInputSchema>;

/** The fields each database check needs, parsed on their own so one bad field does not hide another's check. */
export const agencyNameSchema = agencyInputSchema.pick({ name: true });
export const agencyPlacementSchema = agencyInputSchema.pick({ level: true, regionCode: true });

/** PATCH (API) may also switch the active flag. */
export const agencyActiveSchema = z.object({
  active: z.boolean({ invalid_type_error: 'agencies:errors.active_invalid' }).optional(),
});

const booleanFilter = z
  .enum(['true', 'false', ''])
  .optional()
  .transform((v) => (v === 'true' ? true : v === 'false' ? false : undefined));

export const agencyListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().default(''),
  level: z.enum([...AGENCY_LEVELS, '']).optional().default(''),
  province: z
    .string()
    .regex(/^(\d{2})?$/)
    .optional()
    .default(''),
  active: booleanFilter,
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
  perPage: z.coerce.number().int().min(1).max(100).optional().default(20),
});
export type AgencyListQuery = z.infer<typeof agencyListQuerySchema>;
