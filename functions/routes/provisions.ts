// Third-party provision (policy §4, §5; APPI Art. 27-30): the recipient registry, the provision guard,
// records of provision and receipt, and lifting a cessation of provision.
import { problemResponse, subjectParams } from '../http/contract/common';
import {
  anonymisedProvisionBody,
  provisionBody,
  provisionCessationLiftBody,
  provisionCessationLiftResponse,
  provisionRecordListResponse,
  provisionRecordQuery,
  provisionResponse,
  receiptBody,
  receiptResponse,
  recipientBody,
  recipientListResponse,
  recipientResponse,
} from '../http/contract/provisions';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const registerRecipient = {
  name: 'register-recipient',
  method: 'POST',
  path: '/v1/staff/recipients',
  summary:
    'Register a recipient of personal data: who it is, whether it is a third party (APPI Art. 27(5)), its country (Art. 28), its opt-out registration (Art. 27(2)).',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { recipients: 'read-write', holders: 'read', ...STAFF_CHECK },
  request: { body: recipientBody },
  response: {
    status: 201,
    schema: recipientResponse,
    description: 'Registered; joint use and opt-out items are published in the privacy notice.',
  },
} as const satisfies RouteDefinition;

export const listRecipients = {
  name: 'list-recipients',
  method: 'GET',
  path: '/v1/staff/recipients',
  summary: "The recipient registry, with each recipient's standing under APPI Art. 28.",
  auth: { kind: 'staff', roles: ['officer', 'auditor'] },
  tables: { recipients: 'read', ...STAFF_CHECK },
  request: {},
  response: { status: 200, schema: recipientListResponse, description: 'Every registered recipient.' },
} as const satisfies RouteDefinition;

export const liftProvisionCessation = {
  name: 'lift-provision-cessation',
  method: 'POST',
  path: '/v1/staff/subjects/{subjectId}/provision-cessation-lifts',
  summary:
    'Lift a cessation of provision (APPI Art. 35(3),(5)) that no longer applies, for every third party or named recipients, with a reason; kept on the subject and access-logged.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { subjects: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: subjectParams, body: provisionCessationLiftBody },
  response: {
    status: 201,
    schema: provisionCessationLiftResponse,
    description: 'Lifted: the stops ended, who, when and why, and what still stands.',
  },
} as const satisfies RouteDefinition;

export const permitProvision = {
  name: 'permit-provision',
  method: 'POST',
  path: '/v1/system/provisions',
  summary:
    'Provide personal data to a recipient: permitted per subject on consent, an APPI Art. 27(1) exception, opt-out or a recipient that is not a third party, and recorded (Art. 29); all or nothing.',
  auth: { kind: 'system', systems: ['business-systems'] },
  tables: {
    recipients: 'read',
    holders: 'read',
    purposes: 'read',
    subjects: 'read',
    consents: 'read',
    'provision-records': 'read-write',
    evidence: 'write',
  },
  request: { body: provisionBody },
  response: {
    status: 200,
    schema: provisionResponse,
    description: 'Permitted for every subject and recorded; a refusal is 403 problem+json with the reason per subject.',
  },
} as const satisfies RouteDefinition;

export const refuseAnonymisedProvision = {
  name: 'refuse-anonymised-provision',
  method: 'POST',
  path: '/v1/system/anonymised-provisions',
  summary:
    'Provide an anonymised dataset to a third party: always refused, for the company provides no anonymously processed information (policy §3(2); APPI Art. 43(4), 44); nothing is recorded.',
  auth: { kind: 'system', systems: ['business-systems'] },
  // None: the refusal reads and records nothing.
  tables: {},
  request: { body: anonymisedProvisionBody },
  response: {
    status: 403,
    schema: problemResponse,
    description: 'Always refused: problem+json anonymised-information-not-provided.',
  },
} as const satisfies RouteDefinition;

export const recordReceipt = {
  name: 'record-receipt',
  method: 'POST',
  path: '/v1/system/receipts',
  summary:
    'Record personal data received from a third party, with the provider and how it acquired the data as confirmed (APPI Art. 30).',
  auth: { kind: 'system', systems: ['business-systems'] },
  tables: { 'provision-records': 'read-write' },
  request: { body: receiptBody },
  response: {
    status: 201,
    schema: receiptResponse,
    description: 'Recorded for every subject, kept until its retention ends.',
  },
} as const satisfies RouteDefinition;

export const listProvisions = {
  name: 'list-provisions',
  method: 'GET',
  path: '/v1/staff/provisions',
  summary:
    'The records of provision and receipt kept under a subject (APPI Art. 29, 30), filtered; the read is access-logged with its reason.',
  auth: { kind: 'staff', roles: ['officer', 'auditor'] },
  tables: {
    'provision-records': 'read',
    requests: 'read',
    'personal-data': 'lookup',
    'access-log': 'append',
    ...STAFF_CHECK,
  },
  request: { query: provisionRecordQuery },
  response: { status: 200, schema: provisionRecordListResponse, description: 'The live records, latest first.' },
} as const satisfies RouteDefinition;
