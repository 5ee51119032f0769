// The decision form's choice of incident for a cessation on the ground reportable-leak: offered only
// as the reportable incidents linked to the person, and left out when there is none.
import { describe, expect, it } from 'vitest';
import { decisionOptions } from '../../../functions/domain/requests/decision-options';
import { citesReportableLeak } from '../../../functions/domain/requests/types/cessation-shared/incident-ground';
import { requestType } from '../../../functions/domain/requests/types/registry';
import { fieldKind, type JsonSchema } from '../../../web/src/schema-form';

const incidentField = (type: string, incidents?: { incidentId: string; awareOn: string }[]) =>
  (
    decisionOptions(requestType(type)!, undefined, incidents).details.fulfilled as {
      properties: Record<string, JsonSchema>;
    }
  ).properties.incidentId;

describe('the incident a cessation may name', () => {
  it('is not offered without a reportable incident linked to the person', () => {
    for (const type of ['cessation-of-use', 'cessation-of-provision']) {
      expect(incidentField(type)).toBeUndefined();
      expect(incidentField(type, [])).toBeUndefined();
    }
  });

  it('is a choice among the incidents offered, by id and day of awareness', () => {
    const field = incidentField('cessation-of-use', [
      { incidentId: 'INC-2026-12-01-7KQ2MX', awareOn: '2026-12-01' },
      { incidentId: 'INC-2026-11-03-AB12CD', awareOn: '2026-11-03' },
    ])!;
    expect(field.oneOf).toEqual([
      { const: 'INC-2026-12-01-7KQ2MX', title: 'INC-2026-12-01-7KQ2MX (2026-12-01)' },
      { const: 'INC-2026-11-03-AB12CD', title: 'INC-2026-11-03-AB12CD (2026-11-03)' },
    ]);
    expect(fieldKind(field)).toMatchObject({
      kind: 'select',
      options: ['INC-2026-12-01-7KQ2MX', 'INC-2026-11-03-AB12CD'],
    });
  });

  it('belongs to a request that cites reportable-leak', () => {
    expect(citesReportableLeak({ details: { grounds: ['no-longer-needed', 'reportable-leak'] } })).toBe(true);
    expect(citesReportableLeak({ details: { grounds: ['no-longer-needed'] } })).toBe(false);
    expect(citesReportableLeak({ details: {} })).toBe(false);
  });
});
