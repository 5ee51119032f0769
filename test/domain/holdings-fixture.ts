// What the desk holds about the demo customer, for the disclosure tests (no personal data of anyone real).
import type { Holdings } from '../../functions/domain/holdings';

export const HANAKO_HOLDINGS: Holdings = {
  subjectIds: ['subj-hanako-1'],
  records: [
    {
      subjectId: 'subj-hanako-1',
      recordId: 'rec-name',
      category: 'name',
      value: '山田 花子',
      source: 'from-customer',
      purposes: ['service-provision', 'billing'],
      acquiredAt: '2025-04-01T00:00:00.000Z',
    },
    {
      subjectId: 'subj-hanako-1',
      recordId: 'rec-email',
      category: 'email',
      value: 'hanako.yamada@example.jp',
      source: 'from-customer',
      purposes: ['service-provision', 'information-and-inquiries'],
      acquiredAt: '2025-04-01T00:00:00.000Z',
    },
    {
      subjectId: 'subj-hanako-1',
      recordId: 'rec-cookie',
      category: 'advertising-id',
      value: 'ad-5f2c',
      source: 'service-use',
      sourceDetail: 'cookie on www.example.jp',
      purposes: ['usage-analysis', 'advertising'],
      acquiredAt: '2025-06-15T00:00:00.000Z',
    },
  ],
  consents: [
    {
      subjectId: 'subj-hanako-1',
      eventId: 'ev-1',
      action: 'given',
      purpose: 'advertising',
      noticeVersion: '2025-04-01',
      method: 'web-form',
      at: '2025-04-01T00:00:00.000Z',
    },
  ],
  provisionRecords: [
    {
      subjectId: 'subj-hanako-1',
      recordId: 'prov-1',
      direction: 'provided',
      counterparty: 'Example Payments K.K.',
      items: ['name', 'email'],
      basis: 'consent',
      date: '2025-05-01',
    },
  ],
};
