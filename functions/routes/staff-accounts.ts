// Staff accounts (policy §6(1)): the officer's, each change access-logged and e-mailed to the officer.
import {
  createStaffAccountBody,
  officerGrantDecisionBody,
  staffAccountChangeResponse,
  staffAccountListResponse,
  staffAccountParams,
  staffAccountResponse,
  staffDisablingBody,
  staffEnablingBody,
  staffRoleBody,
} from '../http/contract/staff-accounts';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const listStaffAccounts = {
  name: 'list-staff-accounts',
  method: 'GET',
  path: '/v1/staff/accounts',
  summary: 'The staff accounts, with role and status; the read is access-logged.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { 'access-log': 'append', ...STAFF_CHECK },
  request: {},
  response: { status: 200, schema: staffAccountListResponse, description: 'Every account, by staff id.' },
} as const satisfies RouteDefinition;

export const createStaffAccount = {
  name: 'create-staff-account',
  method: 'POST',
  path: '/v1/staff/accounts',
  summary:
    'Create a staff account; the person gets a temporary password by e-mail and sets their own at first sign-in.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { ...STAFF_CHECK, staff: 'read-write', outbox: 'write', 'access-log': 'append' },
  request: { body: createStaffAccountBody },
  response: { status: 201, schema: staffAccountResponse, description: 'Created and active.' },
  userPool: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup'],
} as const satisfies RouteDefinition;

export const changeStaffRole = {
  name: 'change-staff-role',
  method: 'POST',
  path: '/v1/staff/accounts/{staffId}/role',
  summary: "Change a staff member's role (a transfer); the old role is refused from the very next call.",
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { ...STAFF_CHECK, staff: 'read-write', outbox: 'write', 'access-log': 'append' },
  request: { params: staffAccountParams, body: staffRoleBody },
  response: {
    status: 200,
    schema: staffAccountChangeResponse,
    description:
      'The account with its new role, or (officer, while another officer is active) with the officer role pending.',
  },
  userPool: ['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminRemoveUserFromGroup'],
} as const satisfies RouteDefinition;

export const confirmOfficerGrant = {
  name: 'confirm-officer-grant',
  method: 'POST',
  path: '/v1/staff/accounts/{staffId}/officer-grant-confirmation',
  summary:
    'Confirm (a different officer than the one who asked) or decline a pending officer role; only a confirmation grants it.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { ...STAFF_CHECK, staff: 'read-write', outbox: 'write', 'access-log': 'append' },
  request: { params: staffAccountParams, body: officerGrantDecisionBody },
  response: {
    status: 200,
    schema: staffAccountChangeResponse,
    description: 'The account: an officer once confirmed, its role unchanged once declined.',
  },
  userPool: ['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminRemoveUserFromGroup'],
} as const satisfies RouteDefinition;

export const disableStaffAccount = {
  name: 'disable-staff-account',
  method: 'POST',
  path: '/v1/staff/accounts/{staffId}/disabling',
  summary:
    'Disable the account of a transferred, retired or absent staff member (policy §6(1)): refused from the very next call, and signed out.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { ...STAFF_CHECK, staff: 'read-write', outbox: 'write', 'access-log': 'append' },
  request: { params: staffAccountParams, body: staffDisablingBody },
  response: { status: 200, schema: staffAccountChangeResponse, description: 'The account, disabled.' },
  userPool: ['cognito-idp:AdminDisableUser', 'cognito-idp:AdminUserGlobalSignOut'],
} as const satisfies RouteDefinition;

export const enableStaffAccount = {
  name: 'enable-staff-account',
  method: 'POST',
  path: '/v1/staff/accounts/{staffId}/enabling',
  summary: 'Enable a disabled staff account again, with the reason on record.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { ...STAFF_CHECK, staff: 'read-write', outbox: 'write', 'access-log': 'append' },
  request: { params: staffAccountParams, body: staffEnablingBody },
  response: { status: 200, schema: staffAccountChangeResponse, description: 'The account, active again.' },
  userPool: ['cognito-idp:AdminEnableUser'],
} as const satisfies RouteDefinition;
