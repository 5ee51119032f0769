// Structured logs. Events and items carry personal data, so only names, ids and outcomes are logged;
// never a body, an item or an address.
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: 'appi-desk' });
