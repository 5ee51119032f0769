// The desk console as synthesised: /desk/ on the Privacy Center's distribution and bucket, signing
// in through Cognito managed login (authorization code + PKCE, back to the console only), its own
// Content-Security-Policy, config.json naming the sign-in, and CORS for the distribution's origin on
// every staff route, the preflights in a nested stack.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes';
import { DIRECTORY_INDEX_CODE, STAFF_CONSOLE_ROUTES } from '../../lib/privacy-center';
import { staffSignInDomainPrefix } from '../../lib/staff-pool';
import { contentSecurityPolicy } from '../../web/security-headers';
import { type SynthesisedDesk, synthConfiguredDesk, synthDesk } from './synth';

type Json = Record<string, any>;

let desk: SynthesisedDesk;
let resources: Record<string, Json>;

beforeAll(() => {
  desk = synthDesk();
  resources = desk.template.toJSON().Resources;
}, 180_000);

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const distributionId = () => desk.logicalId(desk.stack.privacyCenter.distribution);
const distributionConfig = () => resources[distributionId()]!.Properties.DistributionConfig;
const consoleUrl = () => ({
  'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId(), 'DomainName'] }, '/desk/']],
});
const stackIdGroup = {
  'Fn::Select': [0, { 'Fn::Split': ['-', { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] }] }],
};

/** Every logical id a resource reaches through Ref, Fn::GetAtt and DependsOn, transitively. */
function reaches(id: string, seen = new Set<string>()): Set<string> {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const object = node as Json;
    const target =
      typeof object.Ref === 'string'
        ? object.Ref
        : Array.isArray(object['Fn::GetAtt'])
          ? object['Fn::GetAtt'][0]
          : undefined;
    if (target && resources[target] && !seen.has(target)) {
      seen.add(target);
      reaches(target, seen);
    }
    Object.values(object).forEach(walk);
  };
  const resource = resources[id]!;
  walk(resource.Properties);
  for (const dependency of [resource.DependsOn ?? []].flat() as string[]) {
    if (!seen.has(dependency)) {
      seen.add(dependency);
      reaches(dependency, seen);
    }
  }
  return seen;
}

describe('staff sign-in through Cognito managed login', () => {
  it('has a prefix domain on the classic hosted UI, named after the stack and its id unless the context names it', () => {
    const [[, domain]] = ofType('AWS::Cognito::UserPoolDomain') as [[string, Json]];
    expect(domain.Properties).toEqual({
      Domain: { 'Fn::Join': ['', ['appidesk-dev-', stackIdGroup]] },
      ManagedLoginVersion: 1,
      UserPoolId: { Ref: desk.logicalId(desk.stack.api.staff.userPool) },
    });
  });

  it('takes a valid prefix from the context and refuses one Cognito would', () => {
    const stack = (name = 'AppiDesk-dev') => new Stack(new App(), name);
    expect(staffSignInDomainPrefix(stack(), 'acme-privacy-desk')).toBe('acme-privacy-desk');
    for (const bad of ['Acme', '-acme', 'acme-', 'my-cognito-desk', 'aws-desk', 'a'.repeat(64), 'acme_desk']) {
      expect(() => staffSignInDomainPrefix(stack(), bad), bad).toThrow(/staffSignInDomainPrefix/);
    }
    expect(() => staffSignInDomainPrefix(stack('Amazon-Desk'), undefined)).toThrow(/staffSignInDomainPrefix/);
  });

  it('names the sign-in origin from the prefix as Cognito spells its domains', () => {
    expect(desk.stack.resolve(desk.stack.api.staff.signInOrigin)).toEqual({
      'Fn::Join': ['', ['https://appidesk-dev-', stackIdGroup, '.auth.ap-northeast-1.amazoncognito.com']],
    });
    const context = synthConfiguredDesk();
    expect(context.stack.api.staff.signInOrigin).toBe(
      'https://acme-privacy-desk.auth.ap-northeast-1.amazoncognito.com',
    );
    expect(context.stack.resolve(context.stack.api.staff.signInDomain.baseUrl())).toEqual({
      'Fn::Join': [
        '',
        [
          'https://',
          { Ref: context.logicalId(context.stack.api.staff.signInDomain) },
          '.auth.ap-northeast-1.amazoncognito.com',
        ],
      ],
    });
  }, 180_000);

  it('gives the console a public client: code grant only, OpenID scopes, back to /desk/ only, Cognito users only', () => {
    const client = resources[desk.logicalId(desk.stack.privacyCenter.deskClient)]!.Properties;
    expect(ofType('AWS::Cognito::UserPoolClient')).toHaveLength(1);
    expect(client).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [consoleUrl()],
      LogoutURLs: [consoleUrl()],
      SupportedIdentityProviders: ['COGNITO'],
      GenerateSecret: false,
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
      IdTokenValidity: 60,
      AccessTokenValidity: 60,
      RefreshTokenValidity: 720,
    });
  });

  it('keeps MFA required and the triggers on the pool', () => {
    const pool = resources[desk.logicalId(desk.stack.api.staff.userPool)]!.Properties;
    expect(pool.MfaConfiguration).toBe('ON');
    expect(Object.keys(pool.LambdaConfig).sort()).toEqual(['PostConfirmation', 'PreAuthentication']);
  });

  it('the client waits for the distribution, and nothing the distribution needs waits for the pool', () => {
    expect(reaches(desk.logicalId(desk.stack.privacyCenter.deskClient)).has(distributionId())).toBe(true);
    const cognito = [...reaches(distributionId())].filter((id) => resources[id]!.Type.startsWith('AWS::Cognito::'));
    expect(cognito).toEqual([]);
  });

  it("puts out the console's and the sign-in's addresses and the client id", () => {
    const outputs = desk.template.toJSON().Outputs;
    expect(outputs.DeskConsoleUrl.Value).toEqual(consoleUrl());
    expect(JSON.stringify(outputs.StaffSignInUrl.Value)).toContain(desk.logicalId(desk.stack.api.staff.signInDomain));
    expect(outputs.StaffUserPoolClientId.Value).toEqual({ Ref: desk.logicalId(desk.stack.privacyCenter.deskClient) });
  });
});

describe('the console at /desk/ on the same distribution and bucket', () => {
  const behavior = () => (distributionConfig().CacheBehaviors as Json[]).find((b) => b.PathPattern === '/desk/*')!;

  it("has one behaviour for /desk/* (beside the API reference's), from the same bucket, HTTPS only, with the directory-index function", () => {
    const config = distributionConfig();
    expect((config.CacheBehaviors as Json[]).map((b) => b.PathPattern).sort()).toEqual(['/desk/*', '/docs/api*']);
    expect(config.Origins).toHaveLength(1);
    expect(behavior()).toMatchObject({
      TargetOriginId: config.DefaultCacheBehavior.TargetOriginId,
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
      CachePolicyId: config.DefaultCacheBehavior.CachePolicyId,
    });
    const [association] = behavior().FunctionAssociations;
    expect(association.EventType).toBe('viewer-request');
    const [functionId] = association.FunctionARN['Fn::GetAtt'] as [string];
    const fn = resources[functionId]!;
    expect(fn.Type).toBe('AWS::CloudFront::Function');
    expect(fn.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(fn.Properties.FunctionCode).toBe(DIRECTORY_INDEX_CODE);
  });

  it('the function serves index.html for a folder and leaves every other path alone', () => {
    const handler = new Function(`${DIRECTORY_INDEX_CODE}\nreturn handler;`)() as (event: Json) => Json;
    const uri = (path: string) =>
      handler({
        version: '1.0',
        context: { eventType: 'viewer-request' },
        request: { method: 'GET', uri: path, headers: {}, querystring: { code: { value: 'c' } } },
      });
    expect(uri('/desk/').uri).toBe('/desk/index.html');
    expect(uri('/desk/').querystring).toEqual({ code: { value: 'c' } });
    expect(uri('/desk/index.html').uri).toBe('/desk/index.html');
    expect(uri('/desk/favicon.svg').uri).toBe('/desk/favicon.svg');
    expect(uri('/desk').uri).toBe('/desk');
  });

  it("sends the console the Privacy Center's headers, with fetches to the staff sign-in allowed", () => {
    const policy = resources[behavior().ResponseHeadersPolicyId.Ref]!.Properties.ResponseHeadersPolicyConfig;
    const pc =
      resources[distributionConfig().DefaultCacheBehavior.ResponseHeadersPolicyId.Ref]!.Properties
        .ResponseHeadersPolicyConfig;
    const { ContentSecurityPolicy: csp, ...others } = policy.SecurityHeadersConfig;
    const { ContentSecurityPolicy: pcCsp, ...pcOthers } = pc.SecurityHeadersConfig;
    expect(others).toEqual(pcOthers);
    const api = `https://${desk.stack.api.api.restApiId}.execute-api.ap-northeast-1.${desk.stack.urlSuffix}`;
    expect(csp.ContentSecurityPolicy).toEqual(
      desk.stack.resolve(contentSecurityPolicy(api, desk.stack.api.staff.signInOrigin)),
    );
    expect(pcCsp.ContentSecurityPolicy).toEqual(desk.stack.resolve(contentSecurityPolicy(api)));
  });

  it('the policy only widens connect-src, by the sign-in origin, and keeps everything else strict', () => {
    const withSignIn = contentSecurityPolicy(
      'https://api.example',
      'https://desk.auth.ap-northeast-1.amazoncognito.com',
    ).split('; ');
    const without = contentSecurityPolicy('https://api.example').split('; ');
    expect(withSignIn.filter((d) => !without.includes(d))).toEqual([
      "connect-src 'self' https://api.example https://desk.auth.ap-northeast-1.amazoncognito.com",
    ]);
    expect(withSignIn).toContain("form-action 'self'");
    expect(withSignIn).toContain("frame-ancestors 'none'");
    expect(withSignIn.join('; ')).not.toMatch(/unsafe|\*|data:/);
    // Locally the sign-in is the desk's own: same as before.
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
  });

  it("writes one config.json naming the API and the console's Cognito sign-in, and refreshes the console's entry points", () => {
    const [, deployment] = ofType('Custom::CDKBucketDeployment')[0]!;
    const properties = deployment.Properties;
    expect(properties.DistributionPaths).toEqual(expect.arrayContaining(['/config.json', '/desk/index.html']));
    const assembly = desk.app.synth();
    const index = (properties.SourceObjectKeys as string[]).findIndex(
      (_, i) => Object.keys(properties.SourceMarkers[i]).length > 0,
    );
    const hash = String(properties.SourceObjectKeys[index]).replace(/\.zip$/, '');
    let text = readFileSync(join(assembly.directory, `asset.${hash}`, 'config.json'), 'utf8');
    for (const [marker, value] of Object.entries(properties.SourceMarkers[index] as Record<string, Json>)) {
      text = text.replaceAll(marker, `<${value.Ref}>`);
    }
    const ref = (construct: Parameters<SynthesisedDesk['logicalId']>[0]) => `<${desk.logicalId(construct)}>`;
    expect(JSON.parse(text)).toEqual({
      apiBaseUrl: `https://${ref(desk.stack.api.api)}.execute-api.ap-northeast-1.<AWS::URLSuffix>/${ref(desk.stack.api.api.deploymentStage)}/`,
      staffSignIn: {
        kind: 'cognito',
        domain: `https://${ref(desk.stack.api.staff.signInDomain)}.auth.ap-northeast-1.amazoncognito.com`,
        clientId: ref(desk.stack.privacyCenter.deskClient),
      },
    });
  });
});

describe("CORS for the console: every staff route, the distribution's origin only", () => {
  const staffRoutes = ROUTES.filter((r) => r.auth.kind === 'staff');

  it("the console's routes are the staff routes", () => {
    expect(STAFF_CONSOLE_ROUTES.map((r) => r.name)).toEqual(staffRoutes.map((r) => r.name));
    expect(STAFF_CONSOLE_ROUTES.length).toBeGreaterThan(0);
  });

  it('answers a preflight on every staff path with its methods, the Authorization header, and nothing on other paths', () => {
    const nested = Template.fromStack(desk.stack.privacyCenter.preflights).toJSON();
    const nestedStack = resources[desk.logicalId(desk.stack.privacyCenter.preflights.nestedStackResource!)]!;
    const parameters = nestedStack.Properties.Parameters as Record<string, Json>;
    const byResource = new Map<string, Json>();
    for (const method of Object.values(nested.Resources as Record<string, Json>)) {
      byResource.set(parameters[method.Properties.ResourceId.Ref]!.Ref, method.Properties);
    }
    for (const path of new Set(staffRoutes.map((r) => r.path))) {
      const method = byResource.get(desk.logicalId(desk.stack.api.api.root.resourceForPath(path)))!;
      expect(method, path).toBeDefined();
      const headers = method.Integration.IntegrationResponses[0].ResponseParameters;
      expect(headers['method.response.header.Access-Control-Allow-Methods'], path).toBe(
        `'${staffRoutes
          .filter((r) => r.path === path)
          .map((r) => r.method)
          .join(',')}'`,
      );
      expect(headers['method.response.header.Access-Control-Allow-Headers']).toBe("'content-type,authorization'");
      expect(method.AuthorizationType).toBe('NONE');
      expect(method.Integration.Type).toBe('MOCK');
    }
  });

  it("the API's deployment waits for the preflights' stack", () => {
    const [[deploymentId, deployment]] = ofType('AWS::ApiGateway::Deployment') as [[string, Json]];
    const nestedId = desk.logicalId(desk.stack.privacyCenter.preflights.nestedStackResource!);
    expect(deployment.DependsOn).toContain(nestedId);
    expect(reaches(nestedId).has(deploymentId)).toBe(false);
  });

  it("API Gateway's own errors (an expired token's 401) are readable by the pages' origin", () => {
    const responses = ofType('AWS::ApiGateway::GatewayResponse');
    expect(responses).toHaveLength(2);
    for (const [, response] of responses) {
      expect(response.Properties.ResponseParameters['gatewayresponse.header.Access-Control-Allow-Origin']).toEqual({
        'Fn::Join': ['', ["'https://", { 'Fn::GetAtt': [distributionId(), 'DomainName'] }, "'"]],
      });
      expect(response.Properties.ResponseParameters['gatewayresponse.header.content-type']).toBe(
        "'application/problem+json'",
      );
    }
  });
});
