// QueryDefinition: a persistent query in the metastore, stored as its physical plan.

/** `CT`: the query that keeps a table declared over a topic materialized (`CT_<TABLE>_n`). */
export type QueryKind = 'CSAS' | 'CTAS' | 'CT' | 'INSERT';
export type QueryState = 'RUNNING' | 'PAUSED';

export interface QueryDefinition {
  /** ksqlDB-style id: `CSAS_SINK_1`, `CTAS_T_2`, `INSERTQUERY_3`. */
  readonly id: string;
  readonly kind: QueryKind;
  readonly sink: string;
  readonly sources: readonly string[];
  readonly sql: string;
  /** The serialized physical plan (JSON data with a `formatVersion`); opaque to the catalog. */
  readonly plan: unknown;
  readonly state: QueryState;
  /** The session properties in force when the query was created (`max.poll.records`, …): it keeps them wherever it runs. */
  readonly properties: Readonly<Record<string, string>>;
  readonly createdAt: number;
  /**
   * Set when the statement created the sink's topic (absent: it existed already, or an older version
   * made the query): the topic then holds only this query's output, so on Kafka a table can be
   * rebuilt from it instead of from changelog rows.
   */
  readonly ownsSinkTopic?: true;
}
