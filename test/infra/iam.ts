// Reading IAM out of a synthesised template: every statement of every policy, with who holds it, so
// tests can ask "who may do X to Y" of the whole stack rather than of the policies they expect.
import type { SynthesisedDesk } from './synth';

type Json = Record<string, any>;

export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Json;
}

/** One statement as granted to one holder: a desk function by name, or `role:<logical id>` and the like. */
export interface HeldStatement {
  holder: string;
  statement: Statement;
}

export const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Logical ids of the stack's resources a value points at (Ref and Fn::GetAtt, at any depth). */
export function referencedIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencedIds);
  if (value && typeof value === 'object') {
    const obj = value as Json;
    if (obj['Fn::GetAtt']) return [obj['Fn::GetAtt'][0]];
    if (obj.Ref) return obj.Ref.startsWith('AWS::') ? [] : [obj.Ref];
    return Object.values(obj).flatMap(referencedIds);
  }
  return [];
}

/** A value as one string, references written <LogicalId> and <LogicalId.Attribute> as cdk-nag does. */
export function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  const obj = value as Json;
  if (obj['Fn::Join']) return (obj['Fn::Join'][1] as unknown[]).map(flatten).join(obj['Fn::Join'][0]);
  if (obj.Ref) return `<${obj.Ref}>`;
  if (obj['Fn::GetAtt']) return `<${obj['Fn::GetAtt'].join('.')}>`;
  return JSON.stringify(value);
}

/** Whether an IAM action pattern (`dynamodb:*`, `kms:GenerateDataKey*`, `*`) covers an action. */
export function actionCovers(pattern: string, action: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return regex.test(action);
}

/** Whether a statement allows any of the actions. */
export function allowsAny(statement: Statement, actions: readonly string[]): boolean {
  return statement.Effect === 'Allow' && asArray(statement.Action).some((p) => actions.some((a) => actionCovers(p, a)));
}

/** A resource that names no resource of this stack but matches many: `*`, `arn:aws:dynamodb:*:*:table/*`. */
export function isWildcardResource(resource: unknown): boolean {
  return flatten(resource).includes('*') && referencedIds(resource).length === 0;
}

/**
 * Every statement of every IAM policy in the template (managed, inline, and inline in a role, user or
 * group), once per holder it reaches. A policy attached to nothing is held by `policy:<logical id>`.
 */
export function heldStatements(desk: SynthesisedDesk): HeldStatement[] {
  const resources: Record<string, Json> = desk.template.toJSON().Resources;
  const functionRoles = new Map<string, string>();
  for (const [name, fn] of [
    ...Object.entries(desk.stack.api.functions),
    ...Object.entries(desk.stack.workers.functions),
  ]) {
    functionRoles.set(desk.logicalId(fn.role), name);
  }
  const holderOf = (kind: string, id: string) => (kind === 'role' && functionRoles.get(id)) || `${kind}:${id}`;

  // Managed policies reach their holders from either side: the policy's Roles, or the role's ManagedPolicyArns.
  const attachedBy = new Map<string, string[]>();
  for (const [id, r] of Object.entries(resources)) {
    const kind =
      r.Type === 'AWS::IAM::Role'
        ? 'role'
        : r.Type === 'AWS::IAM::User'
          ? 'user'
          : r.Type === 'AWS::IAM::Group'
            ? 'group'
            : undefined;
    if (!kind) continue;
    for (const policyId of referencedIds(r.Properties?.ManagedPolicyArns ?? [])) {
      attachedBy.set(policyId, [...(attachedBy.get(policyId) ?? []), holderOf(kind, id)]);
    }
  }

  const held: HeldStatement[] = [];
  const add = (holders: string[], document: Json) => {
    for (const statement of asArray(document.Statement as Statement | Statement[])) {
      for (const holder of holders) held.push({ holder, statement });
    }
  };
  for (const [id, r] of Object.entries(resources)) {
    const props = r.Properties ?? {};
    if (r.Type === 'AWS::IAM::ManagedPolicy' || r.Type === 'AWS::IAM::Policy') {
      const holders = [
        ...referencedIds(props.Roles ?? []).map((role) => holderOf('role', role)),
        ...referencedIds(props.Users ?? []).map((user) => holderOf('user', user)),
        ...referencedIds(props.Groups ?? []).map((group) => holderOf('group', group)),
        ...(attachedBy.get(id) ?? []),
      ];
      add(holders.length > 0 ? [...new Set(holders)] : [`policy:${id}`], props.PolicyDocument);
    }
    if (r.Type === 'AWS::IAM::Role' || r.Type === 'AWS::IAM::User' || r.Type === 'AWS::IAM::Group') {
      const kind = r.Type.split('::')[2]!.toLowerCase();
      for (const inline of props.Policies ?? []) add([holderOf(kind, id)], inline.PolicyDocument);
    }
  }
  return held;
}

/** AWS managed policies attached to a role, user or group: their statements are not in the template. */
export function awsManagedPolicyArns(desk: SynthesisedDesk): string[] {
  const resources: Record<string, Json> = desk.template.toJSON().Resources;
  return Object.values(resources)
    .filter((r) => ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'].includes(r.Type))
    .flatMap((r) => asArray(r.Properties?.ManagedPolicyArns ?? []))
    .filter((arn) => referencedIds(arn).length === 0)
    .map(flatten);
}
