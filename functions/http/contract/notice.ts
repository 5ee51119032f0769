// What the desk publishes: the privacy notice, and this API described in OpenAPI.
import * as z from 'zod';

export const privacyNoticeResponse = z.object({ version: z.string() }).catchall(z.unknown());
export const openApiResponse = z.record(z.string(), z.unknown());
