import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds `supabase/migrations` from this module's location, which differs between the source tree
 * (src/core/db) and the bundle (dist/chunks): walk up to the package root.
 */
export function findMigrationsDir(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const candidate = join(dir, 'supabase', 'migrations');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`supabase/migrations not found above ${from}`);
    dir = parent;
  }
}
