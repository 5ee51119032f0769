import { fiscalYear } from '../adapters/desk-settings';
import { dynamoPersonalData } from '../adapters/personal-data-repository';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { dynamoSubjectLifecycles } from '../adapters/subject-repository';
import { systemClock } from '../adapters/system';
import { recordSubjectEvent } from '../domain/personal-data/record-subject-event';
import { httpRoute } from '../http/route-handler';
import { recordSubjectEvent as route } from '../routes/personal-data';

const deps = {
  lifecycles: dynamoSubjectLifecycles,
  purposes: dynamoPurposeVersions,
  records: dynamoPersonalData,
  clock: systemClock,
  fiscalYear: fiscalYear(),
};

export const handler = httpRoute(route, async ({ params, body }) => ({
  body: await recordSubjectEvent(deps, params.subjectId, body),
}));
