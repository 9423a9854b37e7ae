// sinkKeptTables: the tables of a query's plan whose C*AS sink topic keeps their rows (restored from it, not from changelog 'm' records).

import type { Catalog, QueryDefinition } from '../catalog/index.js';
import type { Column, Schema } from '../common/index.js';
import { physicalInputs, type PhysicalNode, type PhysicalPlan } from '../plan/index.js';
import { sinkFormatsKeepRows, type SinkKeptTable } from '../state/index.js';
import type { EngineContext } from './engine-context.js';

/**
 * A table qualifies when its query created the sink's topic (so the topic holds no records from
 * before the query: a table starts empty), its materialize step feeds the sink directly (every
 * change the table takes becomes a sink record, in the same batch and transaction), the sink is the
 * catalog's table of that name on that topic, the sink's columns are the table's, and the sink's
 * formats give every column back exactly (`sinkFormatsKeepRows`). A pure function of the stored
 * query and the catalog: the query's writer, its restore and a pull query in another process agree on it.
 */
export function sinkKeptTables(ctx: EngineContext, query: QueryDefinition, plan: PhysicalPlan, catalog: Catalog): SinkKeptTable[] {
  const out: SinkKeptTable[] = [];
  if (query.ownsSinkTopic !== true) return out;
  const visit = (node: PhysicalNode): void => {
    if (node.kind === 'PhysicalSink' && node.input.kind === 'PhysicalMaterialize') {
      const kept = keptBy(ctx, node, node.input, catalog);
      if (kept !== null) out.push(kept);
    }
    for (const input of physicalInputs(node)) visit(input);
  };
  visit(plan.root);
  return out;
}

function keptBy(
  ctx: EngineContext,
  sink: Extract<PhysicalNode, { kind: 'PhysicalSink' }>,
  materialize: Extract<PhysicalNode, { kind: 'PhysicalMaterialize' }>,
  catalog: Catalog,
): SinkKeptTable | null {
  const source = catalog.sources.get(sink.sinkName);
  if (source === undefined || source.kind !== 'TABLE' || source.topic !== sink.topic || source.name !== materialize.tableName) return null;
  const schema = materialize.tableSchema;
  if (!sameColumns(schema, sink.schema) || !sinkFormatsKeepRows(schema, sink.formats)) return null;
  const window = source.window ?? null;
  if ((materialize.window ?? undefined) !== sink.window || (window?.kind ?? null) !== materialize.window) return null;
  return {
    spec: { name: materialize.tableName, schema, window: materialize.window },
    topic: sink.topic,
    decoder: ctx.codecs.decoder(schema, sink.formats, null),
    window: window === null ? null : { kind: window.kind, sizeMs: window.sizeMs },
  };
}

/** The sink's rows start with the table's columns (same names, roles, types) and hold no other key or value column. */
function sameColumns(table: Schema, sink: Schema): boolean {
  const same = (a: Column, b: Column | undefined) => b !== undefined && a.name === b.name && a.namespace === b.namespace && JSON.stringify(a.type) === JSON.stringify(b.type);
  if (!table.columns.every((c, i) => same(c, sink.columns[i]))) return false;
  return sink.columns.slice(table.columns.length).every((c) => c.namespace === 'pseudo');
}
