import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Actor } from '../core/access/permissions.js';
import type { ResolvedConfig, SettingValues } from '../core/config/parse-config.js';
import type { Database } from '../core/db/database.js';
import type { Deps } from '../core/deps.js';
import { NexusError } from '../core/errors.js';
import type { Services } from '../core/services.js';
import type { CliIo } from './io.js';
import { configDir, defaultDataDir } from './paths.js';

/** Commands that own the embedded folder themselves instead of going through a background owner. */
const OPENS_ITS_OWN = new Set(['nexus serve', 'nexus owner', 'nexus init']);

/** Global flags, each the twin of an env variable. */
export interface GlobalFlags {
  dataDir?: string;
  databaseUrl?: string;
  verbose?: boolean;
  input?: boolean;
}

/**
 * Everything a command needs, built once and lazily: nothing is read or opened until a command asks,
 * so `nexus --version` and `--help` stay as fast as a bare node start.
 */
export class CliContext {
  globals: GlobalFlags = {};
  /** The command line as typed, written into the data folder's lock file. */
  commandLine = 'nexus';
  /** Set by a command that succeeded but must exit non-zero (doctor's failed checks, `--fail-if`). */
  exitCode = 0;
  /** The command being run (set before its action): report-error names its flags in validation errors. */
  activeCommand?: import('commander').Command;
  private resolved?: ResolvedConfig;
  private deskFile?: string;
  private database?: Promise<Database>;
  private baseDeps?: Promise<Deps>;
  private built?: Promise<Services>;
  private actorPromise?: Promise<Actor>;
  private usedOwnerSocket = false;

  constructor(readonly io: CliIo) {}

  get configDir(): string {
    return configDir(this.io.env);
  }

  /** May we ask questions? Only on a terminal, and never with --no-input. */
  get canPrompt(): boolean {
    return this.globals.input !== false && Boolean(this.io.stdin.isTTY && this.io.stdout.isTTY);
  }

  /**
   * The settings, parsed once: defaults < the desk's own secret.key < config file < env < flags. The
   * data folder is found first (from the raw sources, unvalidated) so its secret key can take part.
   */
  async config(): Promise<ResolvedConfig> {
    if (this.resolved) return this.resolved;
    const { mergeSources, parseConfig } = await import('../core/config/parse-config.js');
    const { readConfigFile } = await import('./stores.js');
    const file = await readConfigFile(this.configDir);
    const flags: SettingValues = { dataDir: this.globals.dataDir, databaseUrl: this.globals.databaseUrl };
    const sources = { defaults: { dataDir: defaultDataDir(this.io.env) }, file, env: this.io.env, flags };
    const rawDataDir = mergeSources(sources).values.dataDir;
    // The embedded desk keeps its generated secret beside its data (`nexus init` writes it).
    const secretFile = typeof rawDataDir === 'string' && rawDataDir ? join(resolve(rawDataDir), 'secret.key') : undefined;
    const secretKey = secretFile && existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : undefined;
    const parsed = parseConfig({ ...sources, desk: { secretKey } });
    this.deskFile = secretKey ? secretFile : undefined;
    this.resolved = { ...parsed, config: { ...parsed.config, dataDir: resolve(parsed.config.dataDir) } };
    return this.resolved;
  }

  /** Where `config show` says each value came from: the config file, the desk's secret file, the flags given. */
  async configPlaces(): Promise<import('../core/config/parse-config.js').SourcePlaces> {
    await this.config();
    const { openConfigStore } = await import('./stores.js');
    return { file: (await openConfigStore(this.configDir)).path, desk: this.deskFile, flags: { dataDir: '--data-dir', databaseUrl: '--database-url' } };
  }

  /** Opens (and on first use creates and migrates) the database once. */
  db(options: { migrate?: boolean } = {}): Promise<Database> {
    this.database ??= (async () => {
      const { config } = await this.config();
      const { openDatabase } = await import('../core/db/database.js');
      const open = () =>
        openDatabase({
          dataDir: config.dataDir,
          databaseUrl: config.databaseUrl,
          command: this.commandLine,
          migrate: options.migrate,
          lockWaitMs: config.lockWaitSeconds * 1000,
        });
      // A desk that does not exist yet is created by the command itself (`nexus init`).
      const viaOwner =
        !config.databaseUrl && config.embeddedOwner === 'background' && !OPENS_ITS_OWN.has(this.commandLine) && existsSync(join(config.dataDir, 'pgdata'));
      if (!viaOwner) return open();
      const { ensureBackgroundOwner } = await import('./background-owner.js');
      const ensure = () => ensureBackgroundOwner(config.dataDir, this.io.env, { notice: (text) => this.io.stderr.write(text) });
      await ensure();
      let database: Database;
      try {
        database = await open();
      } catch (error) {
        const { asDatabaseUnavailable } = await import('../core/db/unavailable.js');
        if (!asDatabaseUnavailable(error)) throw error;
        // The owner ended between our look and our connection: start a fresh one and try once more.
        await ensure();
        database = await open();
      }
      this.usedOwnerSocket = database.via === 'owner-socket';
      return database;
    })();
    return this.database;
  }

  /** The command failed because the owner it went through ended under it: worth one more try on a fresh owner. */
  async lostItsOwner(error: unknown): Promise<boolean> {
    if (!this.usedOwnerSocket) return false;
    const { asDatabaseUnavailable } = await import('../core/db/unavailable.js');
    return asDatabaseUnavailable(error) !== null;
  }

  /**
   * What the use cases need (database, clock, settings, attachment store), without the services wiring.
   * A command that imports only its own use case (`sla report`) and the session check use it: loading
   * every use case through services.ts costs some 200 ms of start-up.
   */
  deps(): Promise<Deps> {
    this.baseDeps ??= (async () => {
      const [{ config }, database, { systemClock }, { createBlobStore }] = await Promise.all([
        this.config(),
        this.db(),
        import('../core/clock.js'),
        import('../core/storage/create-blob-store.js'),
      ]);
      return { db: database.db, clock: systemClock, config, blobs: await createBlobStore(config) };
    })();
    return this.baseDeps;
  }

  services(): Promise<Services> {
    this.built ??= (async () => {
      const [deps, { createServices }] = await Promise.all([this.deps(), import('../core/services.js')]);
      return createServices(deps);
    })();
    return this.built;
  }

  /** The key under which this desk's CLI session is saved: the embedded folder or the server URL. */
  async sessionTarget(): Promise<string> {
    const { config } = await this.config();
    const { describeTarget } = await import('../core/db/database.js');
    return describeTarget(config);
  }

  /** The logged-in user, from the session file, checked against the database. */
  actor(): Promise<Actor> {
    this.actorPromise ??= (async () => {
      const { readSavedSession } = await import('./stores.js');
      const saved = await readSavedSession(this.configDir, await this.sessionTarget());
      if (!saved) {
        throw new NexusError('UNAUTHENTICATED', 'You are not logged in to this desk', {
          hint: 'Run `nexus login` (or `nexus init` on a new desk).',
        });
      }
      const [deps, { resolveCliSession }] = await Promise.all([this.deps(), import('../core/auth/cli-sessions.js')]);
      return resolveCliSession(deps, saved.token);
    })();
    return this.actorPromise;
  }

  async close(): Promise<void> {
    const database = this.database;
    this.database = undefined;
    if (database) await (await database.catch(() => undefined))?.close();
  }
}
