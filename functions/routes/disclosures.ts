// Disclosure (APPI Art. 33): the dossier through the e-mailed link, its printed copy and the posting of it.
import { requestIdParams } from '../http/contract/common';
import {
  disclosureParams,
  disclosureQuery,
  dossierResponse,
  postingBody,
  postingResponse,
} from '../http/contract/disclosures';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const getDisclosure = {
  name: 'get-disclosure',
  method: 'GET',
  path: '/v1/disclosures/{token}',
  summary:
    'Download a disclosed dossier through the e-mailed link (valid 14 days): JSON, or a page for Accept: text/html, or CSV for Accept: text/csv; format=json or format=csv downloads the file whatever Accept says.',
  auth: { kind: 'link' },
  tables: { disclosures: 'read' },
  request: { params: disclosureParams, query: disclosureQuery },
  response: { status: 200, schema: dossierResponse, description: 'Everything held about the person.' },
} as const satisfies RouteDefinition;

export const getPaperDisclosure = {
  name: 'get-paper-disclosure',
  method: 'GET',
  path: '/v1/staff/requests/{requestId}/disclosure',
  summary:
    'The stored dossier of a decided paper disclosure, to print: a page for Accept: text/html, else JSON (or CSV); the read is access-logged.',
  auth: { kind: 'staff', roles: ['operator'] },
  tables: { requests: 'read', disclosures: 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: requestIdParams },
  response: { status: 200, schema: dossierResponse, description: 'The dossier as the person is to receive it.' },
} as const satisfies RouteDefinition;

export const recordPosting = {
  name: 'record-posting',
  method: 'POST',
  path: '/v1/staff/requests/{requestId}/posting',
  summary:
    'Record that the paper copy of a disclosure was posted; the requester is e-mailed; the write is access-logged.',
  auth: { kind: 'staff', roles: ['operator'] },
  tables: { requests: 'read-write', outbox: 'write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: requestIdParams, body: postingBody },
  response: { status: 200, schema: postingResponse, description: 'Recorded as posted.' },
} as const satisfies RouteDefinition;
