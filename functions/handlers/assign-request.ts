import { dynamoDeskWriter } from '../adapters/desk-writer';
import { dynamoRequestReader } from '../adapters/request-repository';
import { dynamoStaffDirectory } from '../adapters/staff-repository';
import { systemClock } from '../adapters/system';
import { assignRequest } from '../domain/requests/assign-request';
import { httpRoute } from '../http/route-handler';
import { assignRequest as route } from '../routes/requests';

const deps = {
  requests: dynamoRequestReader,
  staff: dynamoStaffDirectory,
  writer: dynamoDeskWriter,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await assignRequest(deps, actor, params.requestId, body.assignee),
}));
