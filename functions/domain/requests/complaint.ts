// Complaints about the handling of personal data (APPI Art. 40, policy §8(3)). The received e-mail
// acknowledges the complaint at once; staff assign it and record handling notes; it closes with a
// reply. A complaint is answered, not granted or refused, so its only outcome is fulfilled, with the reply.
import * as z from 'zod';
import { signature } from './notifications';
import type { RequestTypeDefinition } from './request-types';

/** What a complaint may be about: the policy's §8(3) desk takes complaints on any handling of personal information. */
export const COMPLAINT_SUBJECTS = [
  'handling-of-personal-data',
  'request-handling',
  'security',
  'other',
] as const;

export const complaint: RequestTypeDefinition = {
  type: 'complaint',
  label: {
    ja: '個人情報の取扱いに関する苦情',
    en: 'complaint',
    made: { ja: '個人情報の取扱いに関する苦情のお申出', en: 'complaint' },
  },
  details: z.strictObject({
    about: z.enum(COMPLAINT_SUBJECTS).default('handling-of-personal-data')
      .describe('What the complaint is about.'),
    description: z.string().trim().min(1, { error: 'must say what happened' }).max(4000)
      .describe('What happened and what you would like the desk to do.'),
    relatedRequestId: z.string().trim().min(1).max(64).optional()
      .describe('The number of an earlier request the complaint concerns, if any.'),
  }),
  outcomes: ['fulfilled'],
  refusalGrounds: {},
  decisionDetails: {
    fulfilled: z.strictObject({
      reply: z.string().trim().min(1, { error: 'must not be empty' }).max(4000)
        .describe('The desk\'s reply to the complaint, e-mailed to the requester.'),
    }),
  },

  // Answering a complaint reads no personal data: the reply is what the staff member wrote.
  async fulfil({ request, decision }) {
    const reply = String(decision.details!.reply);
    const message = request.language === 'en'
      ? {
          subject: 'Our reply to your complaint',
          text: `Thank you for your complaint (${request.requestId}). Having looked into it, we reply as follows:\n\n${reply}\n\nThis closes the complaint. If you are not satisfied, reply to the desk below; you may also consult the Personal Information Protection Commission's consultation line.${signature('en')}`,
        }
      : {
          subject: '苦情のお申出へのご回答',
          text: `苦情のお申出（受付番号 ${request.requestId}）をいただき、ありがとうございました。調査の結果、次のとおりご回答いたします。\n\n${reply}\n\n以上をもちまして、本件の対応を終了いたします。ご納得いただけない場合は下記の窓口までご連絡ください。個人情報保護委員会の相談窓口にご相談いただくこともできます。${signature('ja')}`,
        };
    return { writes: [], message };
  },
};
