// The staff roles and the reasons an account is disabled, by the names the API takes. A leaf (no
// imports), so the console offers these very lists.

export const STAFF_ROLES = ['operator', 'officer', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Why an account is disabled: policy §6(1) names transferred and retired employees. */
export const DISABLE_REASONS = ['transfer', 'retirement', 'leave', 'other'] as const;
export type DisableReason = (typeof DISABLE_REASONS)[number];
