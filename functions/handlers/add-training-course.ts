import { dynamoSafeguards } from '../adapters/safeguards-repository';
import { systemClock } from '../adapters/system';
import { addCourse } from '../domain/safeguards/training-register';
import { httpRoute } from '../http/route-handler';
import { addTrainingCourse as route } from '../routes/training';

const deps = { safeguards: dynamoSafeguards, clock: systemClock };

export const handler = httpRoute(route, async ({ actor, body }) => ({ body: await addCourse(deps, actor, body) }));
