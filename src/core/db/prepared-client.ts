import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * A `pg` client that runs every parameterised statement as a named prepared statement, so Postgres
 * parses and plans each distinct statement once per connection instead of on every call (it switches
 * to a cached generic plan when that is as good). Statements without parameters — migrations, BEGIN,
 * COMMIT — keep the simple protocol, which also allows several commands in one string. The number of
 * names per connection is capped; past it, statements run unnamed as before.
 *
 * When another process migrates a table under a prepared `select *`, Postgres refuses the old plan
 * ("cached plan must not change result type"). The statement is then prepared afresh under a new name:
 * outside a transaction the call is retried at once; inside one the error ends that transaction (as
 * Postgres requires) and the next call succeeds.
 */
const MAX_NAMED_PER_CONNECTION = 500;
/**
 * A statement containing this comment runs unnamed: Postgres plans it with its values on every call
 * and never settles on a generic plan (full-text search, whose best plan depends on the words).
 */
export const ONE_SHOT = '/* nexus:one-shot */';
const PLAN_CHANGED = '0A000';

const nameFor = (text: string): string => `nx_${createHash('sha1').update(text).digest('base64url')}`;

export class PreparedStatementClient extends pg.Client {
  /**
   * Statement text → the name it is prepared under on this connection. Keyed by the text itself: a map
   * lookup hashes the string once, where a SHA-1 of every statement cost each query more (issue 14's profile).
   */
  private readonly names = new Map<string, string>();
  private inTransaction = false;

  override query(...args: any[]): any {
    const [text, values] = args;
    if (typeof text === 'string' && args.length <= 2 && !(Array.isArray(values) && values.length > 0)) this.track(text);
    const eligible = typeof text === 'string' && Array.isArray(values) && values.length > 0 && args.length === 2 && !text.includes(ONE_SHOT);
    if (!eligible) return (super.query as (...a: any[]) => any)(...args);
    let name = this.names.get(text);
    if (name === undefined) {
      if (this.names.size >= MAX_NAMED_PER_CONNECTION) return super.query(text, values);
      name = nameFor(text);
      this.names.set(text, name);
    }
    return super.query({ name, text, values }).catch((error: { code?: string }) => {
      if (error?.code !== PLAN_CHANGED) throw error;
      this.names.set(text, `${nameFor(text)}_${Date.now().toString(36)}`);
      if (this.inTransaction) throw error;
      return this.query(text, values);
    });
  }

  private track(text: string): void {
    const word = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase();
    if (word === 'begin' || word === 'start') this.inTransaction = true;
    else if (word === 'commit' || word === 'rollback' || word === 'end' || word === 'abort') this.inTransaction = false;
  }
}
