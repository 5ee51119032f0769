// Points the AWS SDK in each test worker at the emulators the global setup started. The variables
// come ready from the global setup: importing the emulators' modules here would load s3rver, DynamoDB
// Local's launcher and the AWS SDK into every test file, most of which use none of them.
import { inject } from 'vitest';

Object.assign(process.env, inject('emulatorEnv'));
