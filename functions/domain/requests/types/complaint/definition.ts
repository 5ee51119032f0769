// Complaints about the handling of personal data (APPI Art. 40, policy §8(3)). The received e-mail
// acknowledges the complaint at once; staff assign it and record handling notes; it closes with a
// reply. A complaint is answered, not granted or refused, so its only outcome is fulfilled, with the reply.
import { signature } from '../../notifications';
import type { RequestTypeDefinition } from '../../request-type';
import { complaintSchema } from './schema';

export const complaint: RequestTypeDefinition = {
  ...complaintSchema,
  writes: [],

  // Answering a complaint reads no personal data: the reply is what the staff member wrote.
  async fulfil({ request, decision, desk }) {
    const reply = String(decision.details!.reply);
    const message =
      request.language === 'en'
        ? {
            subject: 'Our reply to your complaint',
            text: `Thank you for your complaint (${request.requestId}). Having looked into it, we reply as follows:\n\n${reply}\n\nThis closes the complaint. If you are not satisfied, reply to the desk below; you may also consult the Personal Information Protection Commission's consultation line.${signature('en', desk)}`,
          }
        : {
            subject: '苦情のお申出へのご回答',
            text: `苦情のお申出（受付番号 ${request.requestId}）をいただき、ありがとうございました。調査の結果、次のとおりご回答いたします。\n\n${reply}\n\n以上をもちまして、本件の対応を終了いたします。ご納得いただけない場合は下記の窓口までご連絡ください。個人情報保護委員会の相談窓口にご相談いただくこともできます。${signature('ja', desk)}`,
          };
    return { writes: [], message };
  },
};
