import { CompiledQuery, type Compilable } from 'kysely';

/** A value left open in a statement compiled once: filled from the call's values by its name (and index in a list). */
export class Slot {
  constructor(
    readonly name: string,
    readonly index?: number,
  ) {}
}

type Values = Record<string, unknown>;

/**
 * Statements built with Kysely once per shape (which filters, which sort) and kept compiled: a later call
 * of the same shape only fills in its values. Building and compiling a ~40-node statement on every request
 * was an eighth of the API's CPU on `GET /v1/tickets` (issue 14's profile).
 *
 * `build` receives the values with every one replaced by a Slot of its name, so the statement it returns
 * compiles to SQL with a parameter wherever a value goes; the SQL text must depend on the shape alone.
 */
export class StatementTemplates {
  private readonly compiled = new Map<string, CompiledQuery>();

  /** At most `capacity` shapes are kept; past that, statements of new shapes are built on every call. */
  constructor(private readonly capacity = 256) {}

  compile<V extends Values>(shape: string, values: V, build: (values: V) => Compilable<unknown>): CompiledQuery {
    let template = this.compiled.get(shape);
    if (!template) {
      template = build(slotsFor(values)).compile();
      if (this.compiled.size < this.capacity) this.compiled.set(shape, template);
    }
    return CompiledQuery.raw(template.sql, template.parameters.map((p) => (p instanceof Slot ? valueOf(values, p) : p)));
  }
}

function slotsFor<V extends Values>(values: V): V {
  const slotted: Values = {};
  for (const [name, value] of Object.entries(values)) {
    slotted[name] = Array.isArray(value) ? value.map((_, i) => new Slot(name, i)) : new Slot(name);
  }
  return slotted as V;
}

function valueOf(values: Values, slot: Slot): unknown {
  const value = values[slot.name];
  return slot.index === undefined ? value : (value as unknown[])[slot.index];
}
