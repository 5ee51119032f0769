// Temporary: lists every cdk-nag finding (acknowledged or not) and every acknowledgment, bundled vs not.
import { writeFileSync } from 'node:fs';
import { Validations } from 'aws-cdk-lib';
import { NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { nagPacks } from './lib/app';
import { synthDesk } from './test/infra/synth';

const bundle = process.argv[2] === 'bundled';
const t0 = Date.now();
const desk = synthDesk({}, { bundle });
const t1 = Date.now();
const seen: string[] = [];
const proto = NagPack.prototype as any;
const original = proto.isAcknowledged;
proto.isAcknowledged = function (resource: IConstruct, ruleId: string) {
  const ack = original.call(this, resource, ruleId);
  seen.push(`${ack ? 'ack ' : 'FIND'} ${ruleId} at ${resource.node.path}`);
  return ack;
};
const violations = nagPacks().flatMap((pack) => pack.validateScope(desk.app).violations.flatMap((v) => v.violatingResources.map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}: ${v.description}`)));
const acks: string[] = [];
for (const c of desk.app.node.findAll()) for (const m of c.node.metadata) if (m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) acks.push(`${c.node.path}: ${JSON.stringify(m.data)}`);
const t2 = Date.now();
writeFileSync(`/tmp/nag-${bundle ? 'bundled' : 'plain'}.txt`, [`violations ${violations.length}`, ...violations, `evaluated ${seen.length}`, ...seen.sort(), `acks ${acks.length}`, ...acks.sort()].join('\n') + '\n');
console.log(`${bundle ? 'bundled' : 'plain'}: synth ${t1 - t0} ms, nag ${t2 - t1} ms, violations ${violations.length}, evaluated ${seen.length}, acks ${acks.length}`);
