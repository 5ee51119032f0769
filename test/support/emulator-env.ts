// Points the AWS SDK in each test worker at the emulators the global setup started.
import { inject } from 'vitest';
import { useEmulators } from '../../local/emulators';

useEmulators(inject('dynamoEndpoint'), inject('sesEndpoint'), inject('s3Endpoint'));
process.env.DESK_SENDER_EMAIL ??= 'privacy-desk@example.jp';
process.env.DESK_OFFICER_EMAIL ??= 'officer@desk.example.jp';
