// moreAggregates: the aggregate functions beyond COUNT/SUM/MIN/MAX/AVG, for the aggregate registry.

import type { AggregateFunction } from '../aggregate-function.js';
import { attrAggregate } from './attr.js';
import { collectAggregates } from './collect-aggregates.js';
import { countDistinctAggregate } from './count-distinct.js';
import { histogramAggregate } from './histogram.js';
import { offsetAggregates } from './offset-aggregates.js';
import { statisticsAggregates } from './statistics-aggregates.js';
import { sumListAggregate } from './sum-list.js';
import { topkAggregates } from './topk-aggregates.js';

export const moreAggregates: readonly AggregateFunction[] = [
  ...collectAggregates,
  ...statisticsAggregates,
  countDistinctAggregate,
  ...offsetAggregates,
  histogramAggregate,
  ...topkAggregates,
  attrAggregate,
  sumListAggregate,
];
