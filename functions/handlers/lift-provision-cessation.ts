import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoDeskWriter } from '../adapters/desk-writer';
import { dynamoSubjectLifecycles } from '../adapters/subject-repository';
import { systemClock } from '../adapters/system';
import { liftProvisionCessation } from '../domain/provisions/lift-provision-cessation';
import { httpRoute } from '../http/route-handler';
import { liftProvisionCessation as route } from '../routes/provisions';

const deps = {
  lifecycles: dynamoSubjectLifecycles,
  writer: dynamoDeskWriter,
  accessLog: dynamoAccessLog,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  status: 201,
  body: await liftProvisionCessation(deps, actor, params.subjectId, body),
}));
