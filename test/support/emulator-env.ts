// Points the AWS SDK in each test worker at the emulators the global setup started. The variables
// come ready from the global setup: importing the emulators' modules here would load s3rver, DynamoDB
// Local's launcher and the AWS SDK into every test file, most of which use none of them.
import { inject } from 'vitest';

Object.assign(process.env, inject('emulatorEnv'));
// A project with a DynamoDB Local of its own (test/support/own-dynamodb.ts) provides its endpoint.
const dynamoEndpoint = inject('dynamoEndpoint');
process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamoEndpoint;
process.env.AWS_ENDPOINT_URL_DYNAMODB_STREAMS = dynamoEndpoint;
