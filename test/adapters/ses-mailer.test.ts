// Sending one outbox message through the SES emulator.
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { sendEmail } from '../../functions/adapters/ses-mailer';
import { outboxMessage } from '../../functions/domain/outbox';
import { mailbox, uniqueEmail } from '../support/desk';

describe('ses-mailer', () => {
  it('sends subject and text in UTF-8 from the desk sender, and returns the SES message id', async () => {
    const to = uniqueEmail('mailer');
    const message = outboxMessage(
      'm-1',
      to,
      { subject: '確認コード: 123456', text: '山田 花子 様\nご請求を承りました。' },
      new Date(),
      'test',
    );
    const id = await sendEmail(message);
    expect(id).toMatch(/\S+/);
    const [mail, ...more] = await mailbox(to);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      messageId: id,
      from: process.env.DESK_SENDER_EMAIL,
      destination: { to: [to] },
      subject: '確認コード: 123456',
      body: { text: '山田 花子 様\nご請求を承りました。' },
    });
  });

  it('passes the configuration set when the deployment names one', async () => {
    const mock = mockClient(SESClient);
    mock.on(SendEmailCommand).resolves({ MessageId: 'mocked' });
    process.env.DESK_SES_CONFIGURATION_SET = 'desk-events';
    try {
      expect(
        await sendEmail(outboxMessage('m-2', 'x@example.jp', { subject: 's', text: 't' }, new Date(), 'test')),
      ).toBe('mocked');
      expect(mock.commandCalls(SendEmailCommand)[0]!.args[0].input).toMatchObject({
        ConfigurationSetName: 'desk-events',
        Destination: { ToAddresses: ['x@example.jp'] },
        Message: { Subject: { Charset: 'UTF-8' }, Body: { Text: { Charset: 'UTF-8' } } },
      });
    } finally {
      delete process.env.DESK_SES_CONFIGURATION_SET;
      mock.restore();
    }
  });

  it('refuses to send without a sender address', async () => {
    const saved = process.env.DESK_SENDER_EMAIL;
    delete process.env.DESK_SENDER_EMAIL;
    try {
      await expect(
        sendEmail(outboxMessage('m-3', 'x@example.jp', { subject: 's', text: 't' }, new Date(), 'test')),
      ).rejects.toThrow(/DESK_SENDER_EMAIL/);
    } finally {
      process.env.DESK_SENDER_EMAIL = saved;
    }
  });
});
