import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { openApiDocument } from '../functions/openapi';
import { ROUTES } from '../functions/routes';
import {
  API_DOCS_DOCUMENT_PATH,
  API_DOCS_PATH,
  API_DOCS_SCRIPT_PATH,
  apiDocsContentSecurityPolicy,
  apiDocsPage,
  scalarStandaloneFile,
} from '../web/api-docs';
import { contentSecurityPolicy } from '../web/security-headers';
import { CorsPreflights } from './cors-preflights';
import type { DeskFunction } from './functions';
import { type DeskLogging, encryptedLogGroup } from './logs';
import { ManagedPolicyRole } from './managed-policy-role';
import type { StaffPool } from './staff-pool';

const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));

/**
 * The routes the Privacy Center calls from the browser (marked `browser: 'privacy-center'` in the
 * manifest): CORS answers its origin on these, and on no other. A GET without credentials is a simple
 * request: the browser sends no preflight for it. JSON bodies, the tokens' Authorization header and
 * DELETE all make the browser ask first.
 */
export const PRIVACY_CENTER_ROUTES = ROUTES.filter((r) => r.browser === 'privacy-center').map((r) => ({
  name: r.name,
  method: r.method,
  path: r.path,
  preflight: !(r.method === 'GET' && r.auth.kind === 'public'),
}));

/**
 * The routes the desk console calls from the browser: every staff route, all with the ID token in the
 * Authorization header, so every one is preflighted.
 */
export const STAFF_CONSOLE_ROUTES = ROUTES.filter((r) => r.auth.kind === 'staff');

/** Where the desk console is served, on the same distribution as the Privacy Center. */
export const DESK_CONSOLE_PATH = '/desk/';

/**
 * A CloudFront Function (cloudfront-js-2.0) on the console's requests: S3 behind origin access
 * control has no directory index, so /desk/ is fetched as /desk/index.html.
 */
export const DIRECTORY_INDEX_CODE = `function handler(event) {
  var request = event.request;
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  return request;
}`;

/**
 * A CloudFront Function (cloudfront-js-2.0) on the API reference's requests: /docs/api and
 * /docs/api/ are the page, docs/api/index.html in the bucket.
 */
export const API_DOCS_INDEX_CODE = `function handler(event) {
  var request = event.request;
  if (request.uri === '${API_DOCS_PATH}' || request.uri === '${API_DOCS_PATH}/') request.uri = '${API_DOCS_PATH}/index.html';
  return request;
}`;

/** The deployment function runs a few times a year; its logs are kept as long as the API's execution logs. */
const DEPLOYMENT_LOG_RETENTION = logs.RetentionDays.THREE_MONTHS;

/** Desk policy: browsers keep HSTS two years, the value hstspreload.org asks for. */
export const HSTS_MAX_AGE = Duration.days(730);
/** Desk policy: a browser reuses a CORS preflight answer for ten minutes. */
export const CORS_PREFLIGHT_MAX_AGE = Duration.minutes(10);

export interface PrivacyCenterProps {
  api: apigateway.RestApi;
  /** The route functions by route name; those of PRIVACY_CENTER_ROUTES and STAFF_CONSOLE_ROUTES learn the pages' origin. */
  functions: Record<string, DeskFunction>;
  /** The staff pool, whose managed login the console signs in with. */
  staff: StaffPool;
  logging: DeskLogging;
  removalPolicy: RemovalPolicy;
}

/**
 * The web build (web/): the Privacy Center for customers at the root and the desk console for staff
 * at /desk/, from a private bucket that only CloudFront reads (origin access control), served with the
 * same security headers as `npm start` sends, and a config.json naming the API, which answers CORS for
 * this origin only, and the console's sign-in.
 */
export class PrivacyCenter extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** https://<distribution domain>, the only origin the API answers CORS for. */
  readonly origin: string;
  /** https://<distribution domain>/desk/, the console's address and its sign-in's redirect. */
  readonly consoleUrl: string;
  /** The staff pool's app client for the console. */
  readonly deskClient: cognito.UserPoolClient;
  /** The CORS preflights of the pages' routes (a nested stack). */
  readonly preflights: CorsPreflights;

  constructor(scope: Construct, id: string, props: PrivacyCenterProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: props.removalPolicy,
    });

    // The API's own origin: from the REST API's id, not its URL, which would tie the headers to the deployment.
    const apiOrigin = `https://${props.api.restApiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
    const securityHeaders = (id: string, comment: string, csp: string) =>
      new cloudfront.ResponseHeadersPolicy(this, id, {
        comment,
        securityHeadersBehavior: {
          contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
          strictTransportSecurity: { accessControlMaxAge: HSTS_MAX_AGE, includeSubdomains: true, override: true },
          frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
          referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
          contentTypeOptions: { override: true },
        },
      });
    const headers = securityHeaders(
      'SecurityHeaders',
      'Privacy Center: CSP without inline code, HSTS, no framing, no referrer',
      contentSecurityPolicy(apiOrigin),
    );
    // The console's pages alone may also reach the staff sign-in (Cognito's token endpoint).
    const consoleHeaders = securityHeaders(
      'ConsoleSecurityHeaders',
      'Desk console: as the Privacy Center, and fetches to the staff sign-in',
      contentSecurityPolicy(apiOrigin, props.staff.signInOrigin),
    );
    // The API reference alone may take inline styles, which Scalar's script adds (web/api-docs.ts).
    const docsHeaders = securityHeaders(
      'ApiDocsSecurityHeaders',
      'API reference: scripts and fetches from this origin only, inline styles for Scalar, no framing',
      apiDocsContentSecurityPolicy(),
    );
    const bucketOrigin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    const behavior = {
      origin: bucketOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
    };
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'appi-desk Privacy Center and desk console',
      defaultRootObject: 'index.html',
      // Japan is in price class 200; the customers are there.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      defaultBehavior: { ...behavior, responseHeadersPolicy: headers },
      additionalBehaviors: {
        // The console's page; its scripts and styles are the build's shared assets under the default behaviour.
        [`${DESK_CONSOLE_PATH}*`]: {
          ...behavior,
          responseHeadersPolicy: consoleHeaders,
          functionAssociations: [
            {
              eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
              function: new cloudfront.Function(this, 'DirectoryIndex', {
                comment: 'Serves <folder>/index.html for <folder>/',
                runtime: cloudfront.FunctionRuntime.JS_2_0,
                code: cloudfront.FunctionCode.fromInline(DIRECTORY_INDEX_CODE),
              }),
            },
          ],
        },
        // The API reference: the OpenAPI document rendered by Scalar, all from this bucket.
        [`${API_DOCS_PATH}*`]: {
          ...behavior,
          responseHeadersPolicy: docsHeaders,
          functionAssociations: [
            {
              eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
              function: new cloudfront.Function(this, 'ApiDocsIndex', {
                comment: 'Serves the API reference page for /docs/api',
                runtime: cloudfront.FunctionRuntime.JS_2_0,
                code: cloudfront.FunctionCode.fromInline(API_DOCS_INDEX_CODE),
              }),
            },
          ],
        },
      },
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;
    this.consoleUrl = `${this.origin}${DESK_CONSOLE_PATH}`;
    // Made here, after the distribution: the client names the console's address, and nothing the
    // distribution needs waits for the pool.
    this.deskClient = props.staff.addDeskClient(this.consoleUrl);

    // Our own role, so the deployment's permissions are a managed policy rather than an inline one.
    const deployRole = new ManagedPolicyRole(this, 'DeployRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the built Privacy Center and desk console into their bucket',
    });
    const deploymentLogs = encryptedLogGroup(this, 'DeploymentLogGroup', props.logging, DEPLOYMENT_LOG_RETENTION);
    deploymentLogs.grantWrite(deployRole);
    new s3deploy.BucketDeployment(this, 'Deployment', {
      destinationBucket: this.bucket,
      role: deployRole,
      logGroup: deploymentLogs,
      sources: [
        s3deploy.Source.asset(WEB_ROOT, {
          exclude: ['dist', '.build-*'],
          // The build takes the server's words and the contract's schema too, so its output, not web/, names the asset.
          assetHashType: AssetHashType.OUTPUT,
          bundling: {
            // Built here with the repository's Vite; the image is only named because CDK requires one.
            image: DockerImage.fromRegistry('node:22'),
            local: {
              tryBundle(outputDir: string) {
                execFileSync('npx', ['vite', 'build', WEB_ROOT, '--outDir', outputDir, '--emptyOutDir'], {
                  stdio: 'inherit',
                });
                return true;
              },
            },
          },
        }),
        s3deploy.Source.jsonData('config.json', {
          apiBaseUrl: props.api.url,
          // The domain from the resource, so the file is written once the sign-in exists.
          staffSignIn: {
            kind: 'cognito',
            domain: props.staff.signInDomain.baseUrl(),
            clientId: this.deskClient.userPoolClientId,
          },
        }),
        // The API reference, generated here from the route manifest as GET /v1/openapi.json is.
        s3deploy.Source.data(`${API_DOCS_PATH.slice(1)}/index.html`, apiDocsPage()),
        s3deploy.Source.data(API_DOCS_DOCUMENT_PATH.slice(1), JSON.stringify(openApiDocument())),
        s3deploy.Source.data(API_DOCS_SCRIPT_PATH.slice(1), readFileSync(scalarStandaloneFile(), 'utf8')),
      ],
      distribution: this.distribution,
      // The entry points; the assets' names change with their content. The console is cached as
      // /desk/index.html only: the function rewrites /desk/ before CloudFront looks in its cache.
      distributionPaths: ['/', '/index.html', '/config.json', `${DESK_CONSOLE_PATH}index.html`, `${API_DOCS_PATH}/*`],
    });

    const browserRoutes: readonly { name: string; method: string; path: string; preflight: boolean }[] = [
      ...PRIVACY_CENTER_ROUTES,
      ...STAFF_CONSOLE_ROUTES.map((r) => ({ ...r, preflight: true })),
    ];
    for (const route of browserRoutes) {
      props.functions[route.name]!.fn.addEnvironment('DESK_PRIVACY_CENTER_ORIGIN', this.origin);
    }
    const methodsByPath = new Map<string, string[]>();
    for (const route of browserRoutes.filter((r) => r.preflight))
      methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
    this.preflights = new CorsPreflights(stack, 'CorsPreflights', {
      api: props.api,
      origin: this.origin,
      methodsByPath,
      allowHeaders: ['content-type', 'authorization'],
      maxAge: CORS_PREFLIGHT_MAX_AGE,
      reason:
        "A CORS preflight: API Gateway answers it itself (mock integration) with the web pages' origin and no data; browsers send it without credentials by design.",
    });
    this.acknowledgeFindings(deployRole);
  }

  /** CDK's deployment function (Python, a singleton of the stack), told apart from the desk's own functions. */
  static isDeploymentFunction(logicalId: string): boolean {
    return logicalId.startsWith('CustomCDKBucketDeployment');
  }

  private acknowledgeFindings(deployRole: ManagedPolicyRole): void {
    const publicFiles =
      "The bucket holds only the Privacy Center's public static files (HTML, scripts, styles, config.json naming the API), never personal data, and is rebuilt from the repository on every deployment;";
    Validations.of(this.bucket).acknowledge(
      {
        id: 'AwsSolutions-S1',
        reason: `${publicFiles} reads go only through CloudFront, and the personal data the pages send goes to API Gateway, which logs access.`,
      },
      {
        id: 'NIST.800.53.R5-S3BucketLoggingEnabled',
        reason: `${publicFiles} reads go only through CloudFront, and the personal data the pages send goes to API Gateway, which logs access.`,
      },
      {
        id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
        reason: `${publicFiles} a lost copy is redeployed, not restored.`,
      },
      {
        id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
        reason: `${publicFiles} SSE-S3 encrypts them at rest; a customer-managed key would guard nothing secret.`,
      },
    );
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'The desk must answer any person whose data it holds, wherever they are (APPI Art. 32-35); blocking countries would refuse lawful requests.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'Static public files only; the API behind the forms is protected by its own AWS WAF web ACL (lib/firewall.ts), and a CloudFront web ACL would have to live in us-east-1, outside this regional stack.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'Static public files only, the same for every visitor; the requests that carry personal data go to API Gateway, whose access is logged, and CloudTrail records every change to the distribution.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'Served on the default *.cloudfront.net certificate, whose minimum protocol CloudFront fixes; a custom domain with its own certificate and TLSv1.2_2021 is a deployment choice of the company.',
      },
    );

    // CDK's deployment function: it runs only during a deployment, copying the build from the asset bucket.
    const stack = Stack.of(this);
    const bucketArn = stack.resolve(this.bucket.bucketArn) as { 'Fn::GetAtt': [string, string] };
    const wildcard =
      "CDK's BucketDeployment grants exactly these: read the build from the CDK asset bucket, replace the Privacy Center bucket's objects (the set of files changes with every build, so object names cannot be listed), and invalidate the distribution's cache (CloudFront invalidation actions granted on *).";
    Validations.of(deployRole.managedPolicy).acknowledge(
      ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: wildcard,
      })),
      {
        id: `AwsSolutions-IAM5[Resource::arn:${stack.partition === 'aws' ? 'aws' : '<AWS::Partition>'}:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*]`,
        reason: wildcard,
      },
      { id: `AwsSolutions-IAM5[Resource::<${bucketArn['Fn::GetAtt'][0]}.Arn>/*]`, reason: wildcard },
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: wildcard },
    );
    const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) throw new Error("CDK's BucketDeployment function was not found in the stack");
    Validations.of(handler).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason:
          "CDK's own deployment function, on the Python runtime CDK pins for it; it runs only during deployments and is upgraded with aws-cdk-lib.",
      },
      { id: 'NIST.800.53.R5-LambdaConcurrency', reason: 'Invoked once per deployment by CloudFormation only.' },
      {
        id: 'NIST.800.53.R5-LambdaDLQ',
        reason:
          'Invoked synchronously by CloudFormation as a custom resource, which reports its failure; a DLQ applies only to asynchronous invocations.',
      },
      {
        id: 'NIST.800.53.R5-LambdaInsideVPC',
        reason:
          'Reaches only S3 and CloudFront APIs over TLS with IAM authorisation; no private network resource exists.',
      },
    );
  }
}
