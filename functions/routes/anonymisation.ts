// Anonymously processed information (policy §3; APPI Art. 43-46): the officer defines datasets and
// runs them; the worker anonymise-dataset makes each one and publishes its items in the privacy
// notice. The routes that read a dataset are granted no registry table: they cannot join it back to
// anyone (Art. 43(5)).
import {
  createDefinitionBody,
  datasetMethodResponse,
  datasetParams,
  datasetResponse,
  datasetRowsQuery,
  datasetRowsResponse,
  definitionDossierResponse,
  definitionListResponse,
  definitionParams,
  definitionResponse,
  startRunResponse,
} from '../http/contract/anonymisation';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const listAnonymisationDefinitions = {
  name: 'list-anonymisation-definitions',
  method: 'GET',
  path: '/v1/staff/anonymisation/definitions',
  summary: 'The dataset definitions of anonymously processed information, each with its latest run.',
  auth: { kind: 'staff', roles: ['officer', 'auditor'] },
  tables: { anonymisation: 'read', ...STAFF_CHECK },
  request: {},
  response: { status: 200, schema: definitionListResponse, description: 'Every definition, newest first.' },
} as const satisfies RouteDefinition;

export const createAnonymisationDefinition = {
  name: 'create-anonymisation-definition',
  method: 'POST',
  path: '/v1/staff/anonymisation/definitions',
  summary:
    'Define a dataset of anonymously processed information: the registry categories it draws on, what is done with each (Enforcement Rules Art. 34), the hierarchies and the privacy model; access-logged.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { anonymisation: 'read-write', purposes: 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: { body: createDefinitionBody },
  response: {
    status: 201,
    schema: definitionResponse,
    description: 'Defined; nothing is processed until the officer starts a run.',
  },
} as const satisfies RouteDefinition;

export const viewAnonymisationDefinition = {
  name: 'view-anonymisation-definition',
  method: 'GET',
  path: '/v1/staff/anonymisation/definitions/{definitionId}',
  summary: 'One dataset definition and every run of it.',
  auth: { kind: 'staff', roles: ['officer', 'auditor'] },
  tables: { anonymisation: 'read', ...STAFF_CHECK },
  request: { params: definitionParams },
  response: { status: 200, schema: definitionDossierResponse, description: 'The definition and its datasets.' },
} as const satisfies RouteDefinition;

export const startAnonymisationRun = {
  name: 'start-anonymisation-run',
  method: 'POST',
  path: '/v1/staff/anonymisation/definitions/{definitionId}/datasets',
  summary:
    'Start a run of a definition: the desk anonymises the live registry records it names and, if the privacy model is met, publishes the items in the privacy notice; access-logged.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { anonymisation: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: definitionParams },
  response: {
    status: 202,
    schema: startRunResponse,
    description: 'Requested; a run of the definition still requested is 409.',
  },
} as const satisfies RouteDefinition;

export const viewAnonymisedDataset = {
  name: 'view-anonymised-dataset',
  method: 'GET',
  path: '/v1/staff/anonymised-datasets/{datasetId}',
  summary:
    "One anonymised dataset: its state, risk report and published items, or why it was refused; the officer, auditors and the definition's readers.",
  auth: { kind: 'staff', roles: ['operator', 'officer', 'auditor'] },
  tables: { anonymisation: 'read', ...STAFF_CHECK },
  request: { params: datasetParams },
  response: { status: 200, schema: datasetResponse, description: 'The dataset.' },
} as const satisfies RouteDefinition;

export const readAnonymisedRows = {
  name: 'read-anonymised-rows',
  method: 'GET',
  path: '/v1/staff/anonymised-datasets/{datasetId}/rows',
  summary:
    "A page of a published dataset's rows; the officer and the definition's readers only; every read access-logged. Never joined with the registry.",
  auth: { kind: 'staff', roles: ['operator', 'officer', 'auditor'] },
  tables: { anonymisation: 'read', 'access-log': 'append', ...STAFF_CHECK },
  buckets: { 'anonymised-datasets': 'read' },
  request: { params: datasetParams, query: datasetRowsQuery },
  response: { status: 200, schema: datasetRowsResponse, description: 'The rows, in column order.' },
} as const satisfies RouteDefinition;

export const readAnonymisationMethod = {
  name: 'read-anonymisation-method',
  method: 'GET',
  path: '/v1/staff/anonymised-datasets/{datasetId}/method',
  summary:
    'How a published dataset was processed (APPI Art. 43(2); Enforcement Rules Art. 35): the officer only, kept apart from the rows; every read access-logged.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { anonymisation: 'read', 'access-log': 'append', ...STAFF_CHECK },
  buckets: { 'anonymisation-methods': 'read' },
  request: { params: datasetParams },
  response: { status: 200, schema: datasetMethodResponse, description: 'The processing method.' },
} as const satisfies RouteDefinition;
