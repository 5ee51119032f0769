// The request forms of this build: from the contract's schema of POST /v1/requests as it was when the
// page was built (web/vite.config.ts), so the form asks what the API validates.
import submitRequestSchema from 'virtual:submit-request-schema';
import { requestForms } from './request-form';

export const REQUEST_FORMS = requestForms(submitRequestSchema);
