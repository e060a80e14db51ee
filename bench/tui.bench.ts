// `npm run bench -- tui` (issue 12, acceptance 4): keypress → next rendered frame in `nexus tui` with
// 10,000 open tickets (25,000 seeded, 40 % of them not closed), for: move the selection, switch the
// view, open a ticket. The App runs in-process over the real core services and an embedded PGlite,
// rendered by Ink into a terminal-sized stream (120×40, Ink's normal full-frame output, maxFps 30).
// Reported per action: p50/p95 to the next frame after the key, and to the frame that shows the
// result (data loaded). Then the RSS of the real `nexus tui` process, started in tmux beside the
// background owner that holds the data folder. Target: p95 < 30 ms. BENCH_TUI_RUNS sets the samples.
import { execFileSync, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { systemClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config/parse-config.js';
import { openDatabase } from '../src/core/db/database.js';
import { readDataDirLock } from '../src/core/db/lock.js';
import { createServices } from '../src/core/services.js';
import { MemoryBlobStore } from '../src/core/storage/memory-blob-store.fake.js';
import { toActor } from '../src/core/users/user.js';
import { serviceDesk } from '../src/tui/desk.js';
import { seedTickets } from './tickets-seed.js';

// As `nexus tui` does: React's production build (it is chosen when React is first loaded).
process.env.NODE_ENV ??= 'production';
const [{ render }, { createElement }, { App }] = await Promise.all([import('ink'), import('react'), import('../src/tui/app.js')]);

const TICKETS = 25_000;
const RUNS = Number(process.env.BENCH_TUI_RUNS ?? 40);
const root = resolve('.tmp/bench/tui');
const env = { ...process.env, NEXUS_DATA_DIR: join(root, 'data'), NEXUS_CONFIG_DIR: join(root, 'config'), NEXUS_BCRYPT_COST: '4', NO_COLOR: '1', NEXUS_EMBEDDED_OWNER: 'process' };
const ADMIN = { email: 'bench-admin@example.com', password: 'bench password 1' };

function nexus(args: string[], input?: string, extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['bin/nexus', ...args], { env: { ...env, ...extraEnv }, input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`nexus ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

async function ensureSeed(): Promise<void> {
  const marker = join(root, 'seed.json');
  if (existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).tickets === TICKETS) return;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  nexus(['init', '--admin-email', ADMIN.email, '--admin-password', ADMIN.password, '--no-input']);
  const database = await openDatabase({ dataDir: env.NEXUS_DATA_DIR, command: 'bench seed' });
  try {
    await seedTickets(database.db, TICKETS);
  } finally {
    await database.close();
  }
  writeFileSync(marker, JSON.stringify({ tickets: TICKETS }));
}

/** A terminal-sized output stream: collects what Ink writes and wakes waiters on every frame. */
class Screen extends EventEmitter {
  columns = 120;
  rows = 40;
  isTTY = true;
  last = '';
  write(chunk: string): boolean {
    this.last = chunk;
    this.emit('frame', chunk);
    return true;
  }
}
class Keyboard extends EventEmitter {
  isTTY = true;
  private queued: string | null = null;
  setRawMode() {}
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => {
    const q = this.queued;
    this.queued = null;
    return q;
  };
  press(data: string) {
    this.queued = data;
    this.emit('readable');
    this.emit('data', data);
  }
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/**
 * Presses `key` and returns [ms to the next frame, ms to the first frame that satisfies `done`, CPU ms
 * this process spent in between] — CPU time is what the machine's load cannot inflate.
 */
function measure(screen: Screen, keyboard: Keyboard, key: string, done: (frame: string) => boolean): Promise<[number, number, number]> {
  return new Promise((resolvePromise, reject) => {
    let first: number | null = null;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const timer = setTimeout(() => reject(new Error(`no matching frame within 10 s after ${JSON.stringify(key)}; last:\n${screen.last}`)), 10_000);
    const onFrame = (frame: string) => {
      const at = performance.now() - started;
      first ??= at;
      if (done(frame)) {
        clearTimeout(timer);
        screen.off('frame', onFrame);
        const used = process.cpuUsage(cpu);
        setImmediate(() => resolvePromise([first!, at, (used.user + used.system) / 1000]));
      }
    };
    screen.on('frame', onFrame);
    keyboard.press(key);
  });
}

async function inProcess() {
  const database = await openDatabase({ dataDir: env.NEXUS_DATA_DIR, command: 'bench tui' });
  try {
    const config = parseConfig({ defaults: { dataDir: env.NEXUS_DATA_DIR } }).config;
    const services = createServices({ db: database.db, clock: systemClock, config, blobs: new MemoryBlobStore() });
    const admin = await database.db.selectFrom('users').selectAll().where('email', '=', ADMIN.email).executeTakeFirstOrThrow();
    const desk = serviceDesk(services, toActor(admin));
    const openCount = (await desk.counts()).open;
    const screen = new Screen();
    const keyboard = new Keyboard();
    const app = render(createElement(App, { desk, env: { NO_COLOR: '1' }, columns: screen.columns, rows: screen.rows, pollMs: 3_600_000 }), {
      stdout: screen as unknown as NodeJS.WriteStream,
      stdin: keyboard as unknown as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
    });
    const settle = () => new Promise((r) => setTimeout(r, 50));
    await measure(screen, keyboard, '4', (f) => f.includes('All open 1/'));
    const results: Record<string, { next: number[]; ready: number[]; cpu: number[] }> = {
      move: { next: [], ready: [], cpu: [] },
      view: { next: [], ready: [], cpu: [] },
      open: { next: [], ready: [], cpu: [] },
    };
    for (let i = 0; i < RUNS; i++) {
      const [next, ready, cpu] = await measure(screen, keyboard, i % 2 ? 'k' : 'j', (f) => f.includes(`All open ${i % 2 ? 1 : 2}/`));
      results.move!.next.push(next);
      results.move!.ready.push(ready);
      results.move!.cpu.push(cpu);
      await settle();
    }
    for (let i = 0; i < RUNS; i++) {
      const [key, title] = i % 2 ? ['4', 'All open'] : ['3', 'Escalated'];
      const [next, ready, cpu] = await measure(screen, keyboard, key, (f) => f.includes(`${title} 1/`));
      results.view!.next.push(next);
      results.view!.ready.push(ready);
      results.view!.cpu.push(cpu);
      await settle();
    }
    for (let i = 0; i < RUNS; i++) {
      const [next, ready, cpu] = await measure(screen, keyboard, '\r', (f) => f.includes('── CUSTOMER'));
      results.open!.next.push(next);
      results.open!.ready.push(ready);
      results.open!.cpu.push(cpu);
      await measure(screen, keyboard, 'q', (f) => f.includes('All open '));
      await measure(screen, keyboard, 'j', (f) => f.includes(`All open ${i + 2}/`));
      await settle();
    }
    app.unmount();
    const memory = process.memoryUsage();
    return { openCount, results, heapMb: memory.heapUsed / 2 ** 20, rssMb: memory.rss / 2 ** 20 };
  } finally {
    await database.close();
  }
}

/** The real `nexus tui` in tmux (the background owner holds the data folder): its RSS once the queue shows. */
async function realProcessRss(): Promise<{ rssMb: number; firstFrameMs: number } | null> {
  const socket = `nexus-bench-tui-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  try {
    tmux('-V');
  } catch {
    return null;
  }
  const vars = { ...env, NEXUS_EMBEDDED_OWNER: 'background', NEXUS_OWNER_IDLE_SECONDS: '60', CI: '0', CONTINUOUS_INTEGRATION: '0', TERM: 'xterm-256color' };
  const envArgs = Object.entries(vars).flatMap(([k, v]) => (k.startsWith('NEXUS_') || ['CI', 'CONTINUOUS_INTEGRATION', 'TERM', 'NO_COLOR', 'PATH', 'HOME'].includes(k) ? ['-e', `${k}=${v}`] : []));
  nexus(['whoami'], undefined, { NEXUS_EMBEDDED_OWNER: 'background', NEXUS_OWNER_IDLE_SECONDS: '60' }); // start the owner first
  const started = performance.now();
  tmux('new-session', '-d', '-s', 'tui', '-x', '120', '-y', '40', ...envArgs, `exec ${process.execPath} bin/nexus tui`);
  try {
    const deadline = Date.now() + 30_000;
    while (!tmux('capture-pane', '-p', '-t', 'tui').includes('refreshed')) {
      if (Date.now() > deadline) throw new Error(`nexus tui did not show the queue:\n${tmux('capture-pane', '-p', '-t', 'tui')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const firstFrameMs = performance.now() - started;
    const pid = tmux('list-panes', '-t', 'tui', '-F', '#{pane_pid}').trim();
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]!;
    return { rssMb: Number(rss) / 1024, firstFrameMs };
  } finally {
    tmux('kill-session', '-t', 'tui');
    const owner = readDataDirLock(env.NEXUS_DATA_DIR);
    if (owner?.pid) process.kill(owner.pid, 'SIGTERM');
  }
}

spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
await ensureSeed();
nexus(['login', '--email', ADMIN.email, '--password-stdin'], `${ADMIN.password}\n`);
const { openCount, results, heapMb, rssMb } = await inProcess();
const real = await realProcessRss();

const ms = (x: number) => `${x.toFixed(1).padStart(6)} ms`;
console.log(`\ntui: ${TICKETS} tickets seeded, ${openCount} not closed ("All open"); ${RUNS} presses per action; 120×40; embedded PGlite in-process`);
console.log('action            next frame p50 / p95        result shown p50 / p95      CPU to result p50 / p95');
for (const [label, key] of [['move selection', 'move'], ['switch view', 'view'], ['open ticket', 'open']] as const) {
  const r = results[key]!;
  console.log(
    `${label.padEnd(17)} ${ms(percentile(r.next, 50))} / ${ms(percentile(r.next, 95))}     ${ms(percentile(r.ready, 50))} / ${ms(percentile(r.ready, 95))}     ${ms(percentile(r.cpu, 50))} / ${ms(percentile(r.cpu, 95))}`,
  );
}
console.log(`bench process (App + core + PGlite in one process): RSS ${rssMb.toFixed(0)} MB, JS heap ${heapMb.toFixed(0)} MB`);
if (real) console.log(`real \`nexus tui\` process beside the background owner: RSS ${real.rssMb.toFixed(0)} MB; start to first queue frame ${real.firstFrameMs.toFixed(0)} ms`);
else console.log('real `nexus tui` RSS: skipped (tmux is not installed)');
console.log(`(load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores — a shared machine: treat the numbers as upper bounds)`);
