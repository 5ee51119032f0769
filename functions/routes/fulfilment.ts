// Routes of the fulfilment at each holder: the callbacks holders' processors send (OpenDSR §8.6), and
// the steps staff take on a request's tasks at the holders.
import { opendsrCallbackBody, opendsrCallbackResponse } from '../http/contract/fulfilment';
import { closeTaskBody, closeTaskResponse, taskIdParams } from '../http/contract/fulfilment-tracking';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const receiveOpendsrCallback = {
  name: 'receive-opendsr-callback',
  method: 'POST',
  path: '/v1/opendsr/callbacks',
  summary:
    "A holder's processor reports the status of a request the desk sent it; signed with the certificate pinned at the holder's registration.",
  auth: { kind: 'holder-signature' },
  // disclosures: a completed disclosure's results from the holder are merged into the stored dossier.
  tables: {
    holders: 'read',
    'fulfilment-tasks': 'read-write',
    requests: 'read-write',
    outbox: 'write',
    disclosures: 'read-write',
  },
  reachesHolders: true,
  request: { body: opendsrCallbackBody },
  response: {
    status: 200,
    schema: opendsrCallbackResponse,
    description: 'Received; a replayed or stale callback is received too and changes nothing.',
  },
  publicLinks: true,
} as const satisfies RouteDefinition;

export const closeFulfilmentTask = {
  name: 'close-fulfilment-task',
  method: 'POST',
  path: '/v1/staff/fulfilment-tasks/{taskId}/closure',
  summary:
    'Record what was done by hand at a holder the desk could not instruct, closing the task; the answer goes out if it was the last.',
  auth: { kind: 'staff', roles: ['operator', 'officer'] },
  // requests and outbox: closing the last task releases the answer the request holds.
  tables: { 'fulfilment-tasks': 'read-write', requests: 'read-write', outbox: 'write', ...STAFF_CHECK },
  request: { params: taskIdParams, body: closeTaskBody },
  response: { status: 200, schema: closeTaskResponse, description: 'The task is completed, with the note.' },
} as const satisfies RouteDefinition;
