// Holders of personal data and the fulfilment of decided requests at each: the steps staff take on
// a request's tasks at the holders.
import { closeTaskBody, closeTaskResponse, taskIdParams } from '../http/contract/fulfilment-tracking';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

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
