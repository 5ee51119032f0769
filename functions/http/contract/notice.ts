// What the desk publishes: the privacy notice, and this API described in OpenAPI.
import * as z from 'zod';
import { anonymisedInformationPublicationsView } from './anonymisation';

export const privacyNoticeResponse = z
  .object({
    version: z.string(),
    anonymisedInformationPublications: anonymisedInformationPublicationsView.describe(
      'Policy §3; APPI Art. 43(3): each dataset of anonymously processed information created, with the items of information about individuals it contains and the day it was created.',
    ),
  })
  .catchall(z.unknown());
export const openApiResponse = z.record(z.string(), z.unknown());
