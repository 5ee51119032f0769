// The documentation says what the code does: every source and purpose of the policy with its text and
// every registry route (docs/operating.md), the systems' local keys (docs/user-guide.md), and the
// README's quick start with scripts package.json has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACQUISITION_SOURCES } from '../../functions/domain/personal-data/sources';
import { POLICY_PURPOSES } from '../../functions/domain/purposes/registry';
import { SYSTEM_NAMES } from '../../functions/domain/systems';
import { ROUTES } from '../../functions/routes';
import { LOCAL_SYSTEM_CREDENTIALS } from '../../local/system-signing';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');
const operating = read('docs/operating.md');
const userGuide = read('docs/user-guide.md');
const tableRow = (doc: string, id: string) => doc.split('\n').find((line) => line.startsWith(`| \`${id}\` |`));

describe('README and docs/', () => {
  it('lists every source of personal data with its text', () => {
    for (const source of ACQUISITION_SOURCES) {
      expect(tableRow(operating, source.id), source.id).toBeDefined();
      expect(tableRow(operating, source.id)).toContain(source.en);
      expect(tableRow(operating, source.id)).toContain(source.ja);
    }
  });

  it('lists every purpose of use with its text and basis', () => {
    for (const purpose of POLICY_PURPOSES) {
      expect(tableRow(operating, purpose.purposeId), purpose.purposeId).toBeDefined();
      expect(tableRow(operating, purpose.purposeId)).toContain(purpose.en);
      expect(tableRow(operating, purpose.purposeId)).toContain(purpose.ja);
      expect(tableRow(operating, purpose.purposeId)).toContain(`| ${purpose.basis} |`);
    }
  });

  it('names every system, staff-subject and purpose route', () => {
    const registryRoutes = ROUTES.filter((r) => /^\/v1\/(system\/|staff\/(subjects|purposes))/.test(r.path));
    expect(registryRoutes.length).toBeGreaterThan(0);
    for (const route of registryRoutes) expect(operating, route.name).toContain(`${route.method} ${route.path}`);
  });

  it("shows the systems' local keys as the gateway checks them", () => {
    for (const system of SYSTEM_NAMES) {
      const { accessKeyId, secretAccessKey } = LOCAL_SYSTEM_CREDENTIALS[system];
      expect(tableRow(userGuide, system)).toContain(`| \`${accessKeyId}\` | \`${secretAccessKey}\` |`);
    }
  });

  it('keeps the quick start to scripts package.json has', () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(readme).toContain('npm ci && npm start');
    expect(scripts.start).toBeDefined();
    expect(scripts.test).toBeDefined();
  });
});
