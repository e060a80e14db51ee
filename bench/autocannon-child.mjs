// Runs one autocannon load in its own process (so it does not share the servers' event loop) and
// prints the result as JSON. POST bodies get a unique subject per request, so every one creates a ticket.
// Usage: node bench/autocannon-child.mjs '<json options: url, method, headers, connections, duration, post>'
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);
let counter = 0;
const requests = options.post
  ? [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ subject: `Bench ${process.pid}-${++counter}`, message: `Load test message ${counter}` }) }) }]
  : undefined;
const result = await autocannon({
  url: options.url,
  method: options.method,
  headers: { ...options.headers, ...(options.post ? { 'content-type': 'application/json' } : {}) },
  connections: options.connections,
  duration: options.duration,
  requests,
});
process.stdout.write(JSON.stringify({ average: result.requests.average, total: result.requests.total, non2xx: result.non2xx, errors: result.errors, p50: result.latency.p50, p99: result.latency.p99 }));
