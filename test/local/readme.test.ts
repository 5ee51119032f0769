// The README says what the code does: every source and purpose of the policy with its text, every
// registry route, the systems' local keys, and the quick start's npm scripts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACQUISITION_SOURCES } from '../../functions/domain/personal-data/sources';
import { POLICY_PURPOSES } from '../../functions/domain/purposes/registry';
import { SYSTEM_NAMES } from '../../functions/domain/systems';
import { ROUTES, type RouteDefinition } from '../../functions/routes';
import { LOCAL_SYSTEM_CREDENTIALS } from '../../local/system-signing';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const tableRow = (id: string) => readme.split('\n').find((line) => line.startsWith(`| \`${id}\` |`));

describe('README', () => {
  it('lists every source of personal data with its text', () => {
    for (const source of ACQUISITION_SOURCES) {
      expect(tableRow(source.id), source.id).toBeDefined();
      expect(tableRow(source.id)).toContain(source.en);
      expect(tableRow(source.id)).toContain(source.ja);
    }
  });

  it('lists every purpose of use with its text and basis', () => {
    for (const purpose of POLICY_PURPOSES) {
      expect(tableRow(purpose.purposeId), purpose.purposeId).toBeDefined();
      expect(tableRow(purpose.purposeId)).toContain(purpose.en);
      expect(tableRow(purpose.purposeId)).toContain(purpose.ja);
      expect(tableRow(purpose.purposeId)).toContain(`| ${purpose.basis} |`);
    }
  });

  it('names every system, staff-subject and purpose route', () => {
    const registryRoutes = (ROUTES as readonly RouteDefinition[]).filter((r) => /^\/v1\/(system\/|staff\/(subjects|purposes))/.test(r.path));
    expect(registryRoutes.length).toBeGreaterThan(0);
    for (const route of registryRoutes) expect(readme, route.name).toContain(`${route.method} ${route.path}`);
  });

  it('shows the systems\' local keys as the gateway checks them', () => {
    for (const system of SYSTEM_NAMES) {
      const { accessKeyId, secretAccessKey } = LOCAL_SYSTEM_CREDENTIALS[system];
      expect(tableRow(system)).toContain(`| \`${accessKeyId}\` | \`${secretAccessKey}\` |`);
    }
  });

  it('keeps the quick start to scripts package.json has', () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(readme).toContain('npm ci && npm start');
    expect(scripts.start).toBeDefined();
    expect(scripts.test).toBeDefined();
  });
});
