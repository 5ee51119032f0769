// Routes of the fulfilment at each holder: the callbacks holders' processors send (OpenDSR §8.6).
import { opendsrCallbackBody, opendsrCallbackResponse } from '../http/contract/fulfilment';
import type { RouteDefinition } from '../http/route-definition';

export const receiveOpendsrCallback = {
  name: 'receive-opendsr-callback',
  method: 'POST',
  path: '/v1/opendsr/callbacks',
  summary:
    "A holder's processor reports the status of a request the desk sent it; signed with the certificate pinned at the holder's registration.",
  auth: { kind: 'holder-signature' },
  tables: { holders: 'read', 'fulfilment-tasks': 'read-write', requests: 'read-write', outbox: 'write' },
  request: { body: opendsrCallbackBody },
  response: {
    status: 200,
    schema: opendsrCallbackResponse,
    description: 'Received; a replayed or stale callback is received too and changes nothing.',
  },
  publicLinks: true,
} as const satisfies RouteDefinition;
