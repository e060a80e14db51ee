// Runs one autocannon load in its own process (so it does not share the servers' event loop) and
// prints the result as JSON. Requests take turns over `headersList` (one entry per simulated customer);
// POST bodies get a unique subject per request, so every one creates a ticket.
// Usage: node bench/autocannon-child.mjs '<json options: url, method, headersList, connections, duration, post>'
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);
let counter = 0;
const requests = [
  {
    setupRequest: (request) => {
      counter++;
      const headers = { ...request.headers, ...options.headersList[counter % options.headersList.length] };
      if (!options.post) return { ...request, headers };
      return { ...request, headers, body: JSON.stringify({ subject: `Bench ${process.pid}-${counter}`, message: `Load test message ${counter}` }) };
    },
  },
];
const result = await autocannon({
  url: options.url,
  method: options.method,
  headers: options.post ? { 'content-type': 'application/json' } : {},
  connections: options.connections,
  duration: options.duration,
  requests,
});
process.stdout.write(JSON.stringify({ average: result.requests.average, total: result.requests.total, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, statusCodes: result.statusCodeStats, p50: result.latency.p50, p99: result.latency.p99 }));
