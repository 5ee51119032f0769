// The page at http://localhost:3000/: where things are and how to walk the demo.
import { DEMO_CUSTOMER } from './seed';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function landingPage({ gatewayUrl, mailboxUrl, demoPassword }: { gatewayUrl: string; mailboxUrl: string; demoPassword: string }): string {
  const link = (href: string) => `<a href="${escape(href)}">${escape(href)}</a>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>appi-desk (local)</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}code,pre{background:#f4f4f4;padding:.1rem .3rem}pre{padding:.6rem;overflow-x:auto}</style>
</head><body>
<h1>appi-desk, running locally</h1>
<ul>
<li>Privacy notice: ${link(`${gatewayUrl}/v1/privacy-notice`)}</li>
<li>API description (OpenAPI): ${link(`${gatewayUrl}/v1/openapi.json`)}</li>
<li>Mailbox of the SES emulator (every e-mail the desk sends): ${link(mailboxUrl)}</li>
</ul>
<h2>Demo</h2>
<p>Demo customer: ${escape(DEMO_CUSTOMER.name)}, <code>${escape(DEMO_CUSTOMER.email)}</code>.
Demo staff: <code>operator</code>, <code>officer</code>, <code>auditor</code>, password <code>${escape(demoPassword)}</code>.</p>
<pre>curl -s -X POST ${escape(gatewayUrl)}/v1/requests -H 'content-type: application/json' \\
  -d '{"type":"disclosure","requester":{"kind":"self","name":"Hanako Yamada","email":"${escape(DEMO_CUSTOMER.email)}"},"subject":{"email":"${escape(DEMO_CUSTOMER.email)}"}}'</pre>
<p>Read the code in the mailbox, confirm it at <code>POST /v1/requests/{requestId}/verification</code>, sign in as
<code>operator</code> at <code>POST /local/sign-in</code>, decide at <code>POST /v1/staff/requests/{requestId}/decision</code>,
and open the link the mailbox then shows. The README walks through every step.</p>
</body></html>`;
}
