// The page at http://localhost:3000/: where things are, who can sign in or sign requests, and how to
// walk the demo.
import { SYSTEM_NAMES } from '../functions/domain/systems';
import { ROUTES } from '../functions/routes';
import { API_DOCS_PATH } from '../web/api-docs';
import { DEMO_CUSTOMER } from './seed';
import { LOCAL_SIGNING_REGION, LOCAL_SYSTEM_CREDENTIALS, SIGNING_SERVICE } from './system-signing';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The routes a company system may call, as "METHOD /path". */
export function routesOfSystem(system: (typeof SYSTEM_NAMES)[number]): string[] {
  return ROUTES.filter((r) => r.auth.kind === 'system' && r.auth.systems.includes(system)).map(
    (r) => `${r.method} ${r.path}`,
  );
}

export function landingPage({
  gatewayUrl,
  mailboxUrl,
  demoPassword,
  demoProcessorUrl,
}: {
  gatewayUrl: string;
  mailboxUrl: string;
  demoPassword: string;
  demoProcessorUrl?: string;
}): string {
  const link = (href: string) => `<a href="${escapeHtml(href)}">${escapeHtml(href)}</a>`;
  const business = LOCAL_SYSTEM_CREDENTIALS['business-systems'];
  const systems = SYSTEM_NAMES.map((s) => {
    const c = LOCAL_SYSTEM_CREDENTIALS[s];
    return `<tr><td>${escapeHtml(s)}</td><td><code>${escapeHtml(c.accessKeyId)}</code></td><td><code>${escapeHtml(c.secretAccessKey)}</code></td><td>${routesOfSystem(
      s,
    )
      .map((r) => `<code>${escapeHtml(r)}</code>`)
      .join('<br>')}</td></tr>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>appi-desk (local)</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem}code,pre{background:#f4f4f4;padding:.1rem .3rem}pre{padding:.6rem;overflow-x:auto}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}</style>
</head><body>
<h1>appi-desk, running locally</h1>
<ul>
<li>Privacy Center (the customers' pages: notice, requests, code, status): ${link(`${gatewayUrl}/privacy/`)}</li>
<li>Desk console (the staff's pages: sign in as <code>operator</code>, <code>officer</code> or <code>auditor</code>, password <code>${escapeHtml(demoPassword)}</code>): ${link(`${gatewayUrl}/desk/`)}</li>
<li>Privacy notice: ${link(`${gatewayUrl}/v1/privacy-notice`)}</li>
<li>API reference (every route, rendered from the OpenAPI document): ${link(`${gatewayUrl}${API_DOCS_PATH}`)}; the document itself: ${link(`${gatewayUrl}/v1/openapi.json`)}</li>
<li>Mailbox of the SES emulator (every e-mail the desk sends): ${link(mailboxUrl)}</li>
${demoProcessorUrl ? `<li>Demo processor "Mecara CRM" (the company's CRM, an OpenDSR holder with a copy of the demo customer's data): ${link(`${demoProcessorUrl}/discovery`)}</li>` : ''}
</ul>
<h2>Demo</h2>
<p>Demo customer: ${escapeHtml(DEMO_CUSTOMER.name)}, <code>${escapeHtml(DEMO_CUSTOMER.email)}</code>, subject id
<code>${escapeHtml(DEMO_CUSTOMER.subjectId)}</code>, customer number <code>${escapeHtml(DEMO_CUSTOMER.customerId)}</code>.
Demo staff: <code>operator</code>, <code>officer</code>, <code>auditor</code>, password <code>${escapeHtml(demoPassword)}</code>
(sign in at <code>POST /local/sign-in</code>, send the <code>idToken</code> as <code>Authorization: Bearer …</code>).</p>
<pre>curl -s -X POST ${escapeHtml(gatewayUrl)}/v1/requests -H 'content-type: application/json' \\
  -d '{"type":"disclosure","requester":{"kind":"self","name":"Hanako Yamada","email":"${escapeHtml(DEMO_CUSTOMER.email)}"},"subject":{"email":"${escapeHtml(DEMO_CUSTOMER.email)}"}}'</pre>
<p>Read the code in the mailbox, confirm it at <code>POST /v1/requests/{requestId}/verification</code>, sign in as
<code>operator</code> at <code>POST /local/sign-in</code>, decide at <code>POST /v1/staff/requests/{requestId}/decision</code>,
and open the link the mailbox then shows. docs/user-guide.md in the repository walks through every step.</p>
<h2>Staff views</h2>
<ul>
<li>A subject, read for a named reason (access-logged): <code>GET ${escapeHtml(gatewayUrl)}/v1/staff/subjects/${escapeHtml(DEMO_CUSTOMER.subjectId)}?purpose=service-provision</code></li>
<li>Search by e-mail or customer number: <code>GET ${escapeHtml(gatewayUrl)}/v1/staff/subjects?customerId=${escapeHtml(DEMO_CUSTOMER.customerId)}&amp;purpose=service-provision</code></li>
<li>The purpose registry: <code>GET ${escapeHtml(gatewayUrl)}/v1/staff/purposes</code></li>
<li>Individual Numbers (officer only): <code>GET ${escapeHtml(gatewayUrl)}/v1/staff/subjects/${escapeHtml(DEMO_CUSTOMER.subjectId)}/my-number?affair=tax</code></li>
</ul>
<h2>Company systems (IAM, SigV4)</h2>
<p>Routes under <code>/v1/system/</code> take requests signed with AWS Signature Version 4, service <code>${SIGNING_SERVICE}</code>,
region <code>${LOCAL_SIGNING_REGION}</code>, as API Gateway does in AWS. These local keys stand for the systems' IAM users:</p>
<table><tr><th>system</th><th>access key id</th><th>secret access key</th><th>may call</th></tr>
${systems}
</table>
<pre>curl -s --aws-sigv4 "aws:amz:${LOCAL_SIGNING_REGION}:${SIGNING_SERVICE}" --user ${escapeHtml(business.accessKeyId)}:${escapeHtml(business.secretAccessKey)} \\
  -X POST ${escapeHtml(gatewayUrl)}/v1/system/use-checks -H 'content-type: application/json' \\
  -d '{"subjectId":"${escapeHtml(DEMO_CUSTOMER.subjectId)}","category":"email","purpose":"service-provision"}'</pre>
</body></html>`;
}
