// The desk's stack synthesised in-process (as test/infra does, without bundling): what it holds that
// is charged by the month, and each function's configured memory, read from the templates.
import { readFileSync } from 'node:fs';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../lib/app';
import type { StackInventory } from './model';

/** A template resource, as far as the counts read it. */
interface Resource {
  Type?: string;
  Properties?: {
    Description?: string;
    MemorySize?: number;
    Rules?: unknown[];
    SSESpecification?: { SSEType?: string };
  };
}

export interface SynthesisedCosts {
  inventory: StackInventory;
  /** Memory in MB by function name (the handler's file name). */
  memoryMb: Map<string, number>;
}

/** Counts from every resource of the desk's stack and its nested stacks. */
export function inventoryOf(resources: readonly Resource[]): SynthesisedCosts {
  const of = (type: string) => resources.filter((r) => r.Type === type);
  const memoryMb = new Map<string, number>();
  for (const fn of of('AWS::Lambda::Function')) {
    const name = /^appi-desk (.+)$/.exec(String(fn.Properties?.Description ?? ''))?.[1];
    // 128 MB is Lambda's own default when a template names no memory.
    if (name) memoryMb.set(name, Number(fn.Properties?.MemorySize ?? 128));
  }
  return {
    inventory: {
      kmsKeys: of('AWS::KMS::Key').length,
      alarms: of('AWS::CloudWatch::Alarm').length,
      secrets: of('AWS::SecretsManager::Secret').length,
      webAcls: of('AWS::WAFv2::WebACL').length,
      wafRules: of('AWS::WAFv2::WebACL').reduce((n, acl) => n + (acl.Properties?.Rules?.length ?? 0), 0),
      // TableV2 synthesises AWS::DynamoDB::GlobalTable; SSEType KMS is a customer managed (or AWS managed) key.
      cmkTables: [...of('AWS::DynamoDB::Table'), ...of('AWS::DynamoDB::GlobalTable')].filter(
        (t) => t.Properties?.SSESpecification?.SSEType === 'KMS',
      ).length,
    },
    memoryMb,
  };
}

export function synthesisedCosts(): SynthesisedCosts {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const desk = buildApp(
    { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] },
    { builtinCloudFormationValidation: false },
  );
  const stacks = desk.stack.node.findAll().filter((c): c is Stack => Stack.isStack(c));
  // Nested stacks are no artifacts of their own: each template is read from its stack.
  const resources = stacks.flatMap((s) =>
    Object.values((Template.fromStack(s).toJSON().Resources ?? {}) as Record<string, Resource>),
  );
  return inventoryOf(resources);
}
