// vitest: unit, golden, architecture and end-to-end tests (benchmarks run with `npm run bench`).
// The Kafka tests (test/e2e/kafka-*.test.ts) are their own project, whose global setup starts a real broker.
import { defineConfig } from 'vitest/config';

const KAFKA_TESTS = 'test/e2e/kafka-*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'core', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: [KAFKA_TESTS] } },
      { extends: true, test: { name: 'kafka', include: [KAFKA_TESTS], globalSetup: ['test/kafka/global-setup.ts'] } },
    ],
  },
});
