// testing: running .sql files as tests — the golden-file runner (the ksql-test-runner comes later).

export { runGoldenScript, splitStatements, GOLDEN_EPOCH } from './golden-script.js';
