// Staff accounts (policy §6(1)): the officer's, each change access-logged and e-mailed to the officer.
import * as z from 'zod';
import { DISABLE_REASONS, QUEUE_ASSIGNEE_WORDS, STAFF_ROLES } from '../../domain/staff';
import { email, instant, personName } from './common';

const staffId = z
  .string()
  .regex(/^[a-z][a-z0-9._-]{1,63}$/, {
    error: 'must be 2-64 lower-case letters, digits, ".", "_" or "-", starting with a letter',
  })
  .describe("The staff member's username (Cognito username in AWS).");
const accountReason = z.string().trim().min(1, { error: 'must say why' }).max(500);

export const staffAccountParams = z.strictObject({ staffId });
export const createStaffAccountBody = z.strictObject({
  staffId: staffId.refine((id) => !Object.values<string>(QUEUE_ASSIGNEE_WORDS).includes(id), {
    error: 'is a word the request queue uses for itself (me, unassigned): choose another staff id',
  }),
  displayName: personName,
  email: email.describe('Where the temporary password goes.'),
  role: z.enum(STAFF_ROLES),
});
export const staffRoleBody = z.strictObject({
  role: z.enum(STAFF_ROLES),
  reason: accountReason.describe(
    'Why the role changes, e.g. "Transferred to the audit team"; kept in the access log and e-mailed to the officer.',
  ),
});
export const staffDisablingBody = z.strictObject({
  reason: z
    .enum(DISABLE_REASONS)
    .describe("Policy §6(1): transferred or retired employees' accounts are disabled at once."),
  note: accountReason.optional(),
});
export const staffEnablingBody = z.strictObject({
  reason: accountReason.describe('Why the account is enabled again, e.g. "Back from leave".'),
});
export const officerGrantDecisionBody = z.strictObject({
  confirm: z
    .boolean()
    .describe(
      'true grants the pending officer role (only an officer other than the one who asked); false declines it.',
    ),
  reason: accountReason.optional(),
});
const staffAccount = z.object({
  staffId,
  displayName: z.string(),
  email: z.string(),
  role: z.enum(STAFF_ROLES),
  status: z.enum(['active', 'disabled']),
  passwordChangedAt: instant,
  version: z.number().int(),
  createdAt: instant.optional(),
  createdBy: z.string().optional(),
  disabledAt: instant.optional(),
  disabledBy: z.string().optional(),
  disabledReason: z.enum(DISABLE_REASONS).optional(),
  roleConfirmedAt: instant.optional(),
  roleConfirmedBy: z.string().optional().describe('The second officer who confirmed the officer role.'),
  pendingOfficerGrant: z
    .object({
      requestedBy: z.string(),
      requestedAt: instant,
      expiresAt: instant,
      reason: z.string().optional(),
    })
    .optional()
    .describe(
      'The officer role asked for, not yet confirmed by another officer: the account has no officer powers until then.',
    ),
});
export const staffAccountResponse = staffAccount;
export const staffAccountChangeResponse = staffAccount.extend({
  signInUpdated: z
    .boolean()
    .describe(
      'False when the staff table changed (so the change already holds at every call) but the user pool did not follow; repeat it in the user pool.',
    ),
});
export const staffAccountListResponse = z.object({ items: z.array(staffAccount) });
