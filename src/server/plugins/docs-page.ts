// A self-contained API reference: the page loads /openapi.json and lists every operation with its
// parameters, body and responses. The script is served from the same origin so the strict CSP holds.
export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nexus API</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1f2328}
h1{margin-bottom:0}code,pre{font:13px ui-monospace,monospace}pre{background:#f6f8fa;padding:.75rem;overflow:auto;border-radius:6px}
details{border:1px solid #d0d7de;border-radius:6px;margin:.5rem 0;padding:.25rem .75rem}summary{cursor:pointer}
.m{display:inline-block;min-width:4.5rem;font-weight:700}.get{color:#0969da}.post{color:#1a7f37}.put,.patch{color:#9a6700}.delete{color:#cf222e}
</style>
</head>
<body>
<h1>Nexus API</h1>
<p>The machine-readable document: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<div id="ops">Loading…</div>
<script src="/docs/app.js"></script>
</body>
</html>
`;

export const DOCS_SCRIPT = `(async () => {
  const root = document.getElementById('ops');
  const doc = await (await fetch('/openapi.json')).json();
  root.textContent = '';
  const el = (tag, attrs, ...kids) => { const e = document.createElement(tag); Object.assign(e, attrs || {}); for (const k of kids) e.append(k); return e; };
  const json = (v) => el('pre', {}, JSON.stringify(v, null, 2));
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const [method, op] of Object.entries(item)) {
      const d = el('details');
      d.append(el('summary', {}, el('span', { className: 'm ' + method }, method.toUpperCase()), el('code', {}, path), ' ', op.summary || ''));
      if (op.description) d.append(el('p', {}, op.description));
      if (op.parameters && op.parameters.length) { d.append(el('h4', {}, 'Parameters')); d.append(json(op.parameters.map((p) => ({ in: p.in, name: p.name, required: !!p.required, schema: p.schema })))); }
      if (op.requestBody) { d.append(el('h4', {}, 'Body')); d.append(json(op.requestBody.content)); }
      if (op.responses) { d.append(el('h4', {}, 'Responses')); d.append(json(op.responses)); }
      root.append(d);
    }
  }
})().catch((error) => { document.getElementById('ops').textContent = 'Could not load /openapi.json: ' + error.message; });
`;
