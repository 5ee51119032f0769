// Points the AWS SDK in each test worker at the emulators the global setup started.
import { inject } from 'vitest';
import { useEmulators } from '../../local/emulators';
import { LOCAL_ISSUER } from '../../local/staff-sign-in';

useEmulators(inject('dynamoEndpoint'), inject('sesEndpoint'), inject('s3Endpoint'));
process.env.DESK_SENDER_EMAIL ??= 'privacy-desk@example.jp';
process.env.DESK_OFFICER_EMAIL ??= 'officer@desk.example.jp';
process.env.DESK_STAFF_TOKEN_ISSUER ??= LOCAL_ISSUER;
process.env.DESK_PRIVACY_CENTER_URL ??= 'http://localhost:3000/privacy/';
