// Sends one outbox message through SES. The sender and configuration set come from the deployment.
import { SendEmailCommand } from '@aws-sdk/client-ses';
import type { OutboxMessage } from '../domain/outbox';
import { ses } from './clients';

export async function sendEmail(message: OutboxMessage): Promise<string> {
  const source = process.env.DESK_SENDER_EMAIL;
  if (!source) throw new Error('DESK_SENDER_EMAIL is not set');
  const configurationSet = process.env.DESK_SES_CONFIGURATION_SET;
  const result = await ses().send(
    new SendEmailCommand({
      Source: source,
      Destination: { ToAddresses: message.to },
      Message: {
        Subject: { Data: message.subject, Charset: 'UTF-8' },
        Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
      },
      ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
    }),
  );
  return result.MessageId ?? '';
}
