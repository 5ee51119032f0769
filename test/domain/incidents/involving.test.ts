// The incidents a person's dossier lists: every subject id of theirs, each incident once, the notice
// that says the most, never a draft for the person, never anything about anyone else.
import { describe, expect, it } from 'vitest';
import { incidentsInvolving } from '../../../functions/domain/incidents/involving';
import { MemoryIncidents, reportableIncident } from './doubles';

const AT = '2026-12-02T03:00:00.000Z';

function register() {
  const incidents = new MemoryIncidents()
    .seed(reportableIncident({ incidentId: 'INC-A', awareAt: '2026-11-01T00:00:00.000Z' }), ['s-1', 's-2', 'other'])
    .seed(reportableIncident({ incidentId: 'INC-B', awareAt: '2026-12-01T00:00:00.000Z', state: 'draft' }), ['s-2'])
    .seed(reportableIncident({ incidentId: 'INC-C', awareAt: '2026-10-01T00:00:00.000Z', state: 'closed' }), ['s-1']);
  const links = incidents.links.get('INC-A')!;
  links.get('s-1')!.notice = { state: 'unreachable', decidedAt: AT, decidedBy: 'o', alternativeMeasure: 'Published.' };
  links.get('s-2')!.notice = { state: 'sent', decidedAt: AT, decidedBy: 'o', messageId: 'm', sentAt: AT };
  links.get('other')!.notice = { state: 'sent', decidedAt: '2026-12-09T00:00:00.000Z', decidedBy: 'o', sentAt: 'x' };
  return incidents;
}

describe('incidentsInvolving', () => {
  it('lists each incident once across the person’s subject ids, newest awareness first, the sent notice first', async () => {
    expect(await incidentsInvolving(register(), ['s-1', 's-2', 's-1'], { withDrafts: true })).toEqual([
      { incidentId: 'INC-B', kinds: ['leak'], awareAt: '2026-12-01T00:00:00.000Z', state: 'draft' },
      {
        incidentId: 'INC-A',
        kinds: ['leak'],
        awareAt: '2026-11-01T00:00:00.000Z',
        state: 'open',
        notice: { state: 'sent', decidedAt: AT, sentAt: AT },
      },
      { incidentId: 'INC-C', kinds: ['leak'], awareAt: '2026-10-01T00:00:00.000Z', state: 'closed' },
    ]);
  });

  it('leaves drafts out of what the person is told, and shows the measure taken where they were unreachable', async () => {
    const found = await incidentsInvolving(register(), ['s-1'], { withDrafts: false });
    expect(found.map((i) => i.incidentId)).toEqual(['INC-A', 'INC-C']);
    expect(found[0]!.notice).toEqual({ state: 'unreachable', decidedAt: AT, alternativeMeasure: 'Published.' });
    expect(JSON.stringify(found)).not.toContain('other');
  });

  it('is empty for a person no incident involved', async () => {
    expect(await incidentsInvolving(register(), ['s-9'], { withDrafts: true })).toEqual([]);
  });
});
