// What the synthesised stack holds that is charged by the month, and each function's memory, counted
// from template resources (kept apart from the synthesis so tests count without loading the CDK).
import type { StackInventory } from './model';

/** A template resource, as far as the counts read it. */
export interface Resource {
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
