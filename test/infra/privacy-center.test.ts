// The Privacy Center as synthesised: a private bucket only CloudFront reads (origin access control),
// the security headers of every page, the build and a config.json naming the API deployed into it,
// and CORS for the distribution's origin on exactly the routes the pages call (the console's:
// test/infra/desk-console.test.ts).
import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes';
import {
  API_DOCS_INDEX_CODE,
  CORS_PREFLIGHT_MAX_AGE,
  HSTS_MAX_AGE,
  PRIVACY_CENTER_ROUTES,
  PrivacyCenter,
  STAFF_CONSOLE_ROUTES,
} from '../../lib/privacy-center';
import { API_DOCS_DOCUMENT_PATH, API_DOCS_PATH, apiDocsContentSecurityPolicy } from '../../web/api-docs';
import { type SynthesisedDesk, synthDesk } from './synth';

type Json = Record<string, any>;

let desk: SynthesisedDesk;
let resources: Record<string, Json>;

beforeAll(() => {
  desk = synthDesk();
  resources = desk.template.toJSON().Resources;
}, 120_000);

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const distributionId = () => desk.logicalId(desk.stack.privacyCenter.distribution);
const bucketId = () => desk.logicalId(desk.stack.privacyCenter.bucket);

describe('the Privacy Center bucket and distribution', () => {
  it('keeps the bucket private: public access blocked, TLS only, read by this distribution alone', () => {
    const bucket = resources[bucketId()]!.Properties;
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.WebsiteConfiguration).toBeUndefined();
    const [, policy] = ofType('AWS::S3::BucketPolicy').find(([, p]) =>
      JSON.stringify(p.Properties.Bucket).includes(bucketId()),
    )!;
    const statements = policy.Properties.PolicyDocument.Statement as Json[];
    expect(statements.some((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false')).toBe(
      true,
    );
    const reads = statements.filter((s) => s.Effect === 'Allow');
    expect(reads).toHaveLength(1);
    expect(reads[0]!.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(reads[0]!.Action).toBe('s3:GetObject');
    expect(JSON.stringify(reads[0]!.Condition)).toContain(distributionId());
  });

  it('serves over HTTPS through origin access control, with the security headers on every answer', () => {
    const config = resources[distributionId()]!.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.Origins[0].OriginAccessControlId).toBeDefined();
    expect(config.Origins[0].S3OriginConfig.OriginAccessIdentity).toBe('');

    const policy = resources[config.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref]!;
    expect(policy.Type).toBe('AWS::CloudFront::ResponseHeadersPolicy');
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = JSON.stringify(desk.stack.resolve(headers.ContentSecurityPolicy.ContentSecurityPolicy));
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    // connect-src names the API's own origin, from the REST API's id.
    expect(csp).toMatch(/connect-src 'self' https:\/\/.*RestApi.*execute-api/);
    // The staff sign-in is the console's business only (test/infra/desk-console.test.ts).
    expect(csp).not.toContain('amazoncognito');
    expect(headers.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: HSTS_MAX_AGE.toSeconds(),
      IncludeSubdomains: true,
      Override: true,
    });
    expect(headers.FrameOptions).toMatchObject({ FrameOption: 'DENY', Override: true });
    expect(headers.ReferrerPolicy).toMatchObject({ ReferrerPolicy: 'no-referrer', Override: true });
    expect(headers.ContentTypeOptions).toMatchObject({ Override: true });
  });

  it('deploys the build, a config.json naming the API and the API reference, and refreshes the cached entry points', () => {
    const deploymentFunctions = Object.keys(desk.template.findResources('AWS::Lambda::Function')).filter(
      PrivacyCenter.isDeploymentFunction,
    );
    expect(deploymentFunctions).toHaveLength(1);
    const logGroup = resources[deploymentFunctions[0]!]!.Properties.LoggingConfig.LogGroup;
    expect(resources[logGroup.Ref]!.Properties.KmsKeyId).toBeDefined();
    const [, deployment] = ofType('Custom::CDKBucketDeployment')[0]!;
    // The build, config.json, and the API reference's page, OpenAPI document and Scalar bundle.
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(5);
    expect(JSON.stringify(deployment.Properties.SourceMarkers)).toContain('RestApi');
    expect(deployment.Properties.DestinationBucketName).toEqual({ Ref: bucketId() });
    expect(deployment.Properties.DistributionPaths).toEqual([
      '/',
      '/index.html',
      '/config.json',
      '/desk/index.html',
      `${API_DOCS_PATH}/*`,
    ]);
  });

  it('serves the API reference under /docs/api with its own, narrower-than-default policy: own-origin scripts, inline styles only', () => {
    const config = resources[distributionId()]!.Properties.DistributionConfig;
    const docs = (config.CacheBehaviors as Json[]).find((b) => b.PathPattern === `${API_DOCS_PATH}*`)!;
    expect(docs.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(docs.AllowedMethods).toEqual(['GET', 'HEAD']);
    const policy =
      resources[docs.ResponseHeadersPolicyId.Ref]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(policy.ContentSecurityPolicy.ContentSecurityPolicy).toBe(apiDocsContentSecurityPolicy());
    expect(policy.FrameOptions).toMatchObject({ FrameOption: 'DENY', Override: true });
    expect(policy.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: HSTS_MAX_AGE.toSeconds() });
    const fn = resources[docs.FunctionAssociations[0].FunctionARN['Fn::GetAtt'][0]]!;
    expect(fn.Properties.FunctionCode).toBe(API_DOCS_INDEX_CODE);
    // The page, as the function rewrites it.
    const rewrite = new Function('event', `${API_DOCS_INDEX_CODE}; return handler(event);`) as (e: Json) => Json;
    for (const uri of [API_DOCS_PATH, `${API_DOCS_PATH}/`])
      expect(rewrite({ request: { uri } }).uri).toBe(`${API_DOCS_PATH}/index.html`);
    expect(rewrite({ request: { uri: API_DOCS_DOCUMENT_PATH } }).uri).toBe(API_DOCS_DOCUMENT_PATH);
  });

  it("puts out the Privacy Center's address", () => {
    expect(JSON.stringify(desk.template.toJSON().Outputs.PrivacyCenterUrl.Value)).toContain(distributionId());
  });
});

describe('CORS for the Privacy Center', () => {
  it('calls only documented public routes, and the pages call exactly these', () => {
    for (const route of PRIVACY_CENTER_ROUTES) {
      const defined = ROUTES.find((r) => r.name === route.name);
      expect(defined, route.name).toMatchObject({ method: route.method, path: route.path });
      expect(['public', 'status-token', 'subject-token']).toContain(defined!.auth.kind);
    }
    const api = readFileSync(new URL('../../web/src/api.ts', import.meta.url), 'utf8');
    const called = [...api.matchAll(/call<.*?>\('(GET|POST|DELETE)', [`']([^`']+)[`']/g)].map(
      (m) => `${m[1]} ${m[2]!.replace(/\$\{encode\((\w+)\)\}/g, '{$1}')}`,
    );
    expect(called.sort()).toEqual(PRIVACY_CENTER_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it("answers preflights for the distribution's origin only, on those routes and the console's (a nested stack)", () => {
    expect(
      desk.templates
        .get(desk.stack)!
        .findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'OPTIONS' } }),
    ).toEqual({});
    const nested = Template.fromStack(desk.stack.privacyCenter.preflights).toJSON();
    const options = Object.values(nested.Resources as Record<string, Json>).filter(
      (m) => m.Type === 'AWS::ApiGateway::Method',
    );
    const paths = new Set(
      [...PRIVACY_CENTER_ROUTES.filter((r) => r.preflight), ...STAFF_CONSOLE_ROUTES].map((r) => r.path),
    );
    expect(options).toHaveLength(paths.size);
    // The nested stack gets the distribution's domain as a parameter from this stack.
    const stack = resources[desk.logicalId(desk.stack.privacyCenter.preflights.nestedStackResource!)]!;
    for (const method of options) {
      expect(method.Properties.HttpMethod).toBe('OPTIONS');
      const headers = method.Properties.Integration.IntegrationResponses[0].ResponseParameters;
      const { Ref: parameter } = headers['method.response.header.Access-Control-Allow-Origin']['Fn::Join'][1][1];
      expect(stack.Properties.Parameters[parameter]).toEqual({ 'Fn::GetAtt': [distributionId(), 'DomainName'] });
      expect(headers['method.response.header.Access-Control-Max-Age']).toBe(`'${CORS_PREFLIGHT_MAX_AGE.toSeconds()}'`);
    }
  });

  it("tells only the pages' routes' functions the origin to answer", () => {
    const names = new Set<string>([...PRIVACY_CENTER_ROUTES, ...STAFF_CONSOLE_ROUTES].map((r) => r.name));
    for (const [name, fn] of Object.entries(desk.stack.api.functions)) {
      const variables = resources[desk.logicalId(fn.fn)]!.Properties.Environment?.Variables ?? {};
      if (names.has(name))
        expect(JSON.stringify(variables.DESK_PRIVACY_CENTER_ORIGIN), name).toContain(distributionId());
      else expect(variables.DESK_PRIVACY_CENTER_ORIGIN, name).toBeUndefined();
    }
  });
});
