import mongoose from 'mongoose';
import { z } from 'zod';
import { ROLES } from '../../auth/acting-user.js';
import { choice } from '../agencies/schema-kit.js';
import { nipProblem } from './nip.js';

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

export const personName = z
  .string({ required_error: 'users:errors.name_required' })
  .trim()
  .min(2, 'users:errors.name_required')
  .max(200, 'users:errors.name_too_long');

export const position = z.preprocess(trimmed, z.string().max(200, 'users:errors.position_too_long').optional().default(''));

const email = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.string({ required_error: 'users:errors.email_required' }).min(1, 'users:errors.email_required').max(254).email('users:errors.email_invalid'),
);

/** People type NIPs with spaces ("19850315 201001 1 001"); empty means "no NIP". */
const nip = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/\s+/g, '') : v === null ? '' : v),
  z
    .string()
    .superRefine((value, ctx) => {
      const problem = value === '' ? null : nipProblem(value);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    })
    .optional()
    .default('')
    .transform((value) => (value === '' ? null : value)),
);

const agencyId = z
  .string({ required_error: 'users:errors.agency_required' })
  .min(1, 'users:errors.agency_required')
  .refine((v) => mongoose.isValidObjectId(v), 'users:errors.agency_required');

const role = choice(ROLES, 'users:errors.role_invalid');

const password = z.string({ required_error: 'users:errors.password_required' }).min(1, 'users:errors.password_required').max(200, 'users:errors.password_too_long');

/** Admin edit form (and the base of the create form). */
export const userUpdateSchema = z.object({ name: personName, email, nip, position, agency: agencyId, role });
export type UserUpdateInput = z.infer<typeof userUpdateSchema>;

/** Each field a database check needs, parsed on its own so one bad field does not hide another's check. */
export const userEmailSchema = userUpdateSchema.pick({ email: true });
export const userNipSchema = userUpdateSchema.pick({ nip: true });
export const userAgencySchema = userUpdateSchema.pick({ agency: true });

/** Admin create form, user:create and the seed: the same fields plus an initial password. */
export const userCreateSchema = userUpdateSchema.extend({ password });
export type UserCreateInput = z.infer<typeof userCreateSchema>;

const booleanFilter = z
  .enum(['true', 'false', ''])
  .optional()
  .transform((v) => (v === 'true' ? true : v === 'false' ? false : undefined));

export const userListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().default(''),
  agency: z
    .string()
    .refine((v) => v === '' || mongoose.isValidObjectId(v))
    .optional()
    .default(''),
  role: z.enum([...ROLES, '']).optional().default(''),
  active: booleanFilter,
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
  perPage: z.coerce.number().int().min(1).max(100).optional().default(20),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

/** What a user may change about themselves. */
export const profileUpdateSchema = z.object({ name: personName, position });
export type ProfileUpdateInput = z.infer<typeof profileUpdateSchema>;

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string({ required_error: 'profile:errors.current_password_required' }).min(1, 'profile:errors.current_password_required'),
    newPassword: password,
    confirmPassword: z.string().optional().default(''),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'profile:errors.password_mismatch' });
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;
