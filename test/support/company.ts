// The companies the tests use: the demo company (Mecara) and a second, fictitious one, to show the desk speaks as whoever deploys it: its own names, its
// own desk and hours (10:00-16:00, closed 28 December to 4 January), an accredited organisation.
import { type Company, DEMO_COMPANY, deskContact } from '../../functions/domain/company';

export { DEMO_COMPANY };
/** The demo company's desk hours and contact, as the domain's functions take them. */
export const DEMO_HOURS = DEMO_COMPANY.desk.hours;
export const DEMO_DESK = deskContact(DEMO_COMPANY);

export const SECOND_COMPANY: Company = {
  name: { ja: '株式会社サンプル商事', en: 'Sample Shoji K.K.' },
  address: { ja: '〒530-0001 大阪府大阪市北区梅田9-9-9', en: '9-9-9 Umeda, Kita-ku, Osaka, 530-0001, Japan' },
  representative: { ja: '代表取締役 見本太郎', en: 'Taro Mihon, Representative Director' },
  desk: {
    name: { ja: '株式会社サンプル商事 お客様個人情報窓口', en: 'Sample Shoji Personal Information Desk' },
    address: { ja: '〒530-0001 大阪府大阪市北区梅田9-9-9 3階', en: '3F, 9-9-9 Umeda, Kita-ku, Osaka, 530-0001, Japan' },
    email: 'privacy@sample-shoji.example.jp',
    hours: {
      opensAtHour: 10,
      closesAtHour: 16,
      yearEndClosure: { from: { month: 12, day: 28 }, to: { month: 1, day: 4 } },
    },
  },
  securityOfficer: { name: { ja: '情報管理部長', en: 'Head of Information Management' }, since: '2025-10-01' },
  accreditedOrganisation: {
    name: { ja: '一般財団法人見本個人情報保護協会', en: 'Mihon Personal Information Protection Association' },
    complaintsContact: { ja: '電話 03-0000-0000（平日10時〜17時）', en: 'Phone 03-0000-0000 (weekdays 10:00-17:00)' },
  },
};
