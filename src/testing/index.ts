// testing: running .sql files as tests — the golden-file runner, the ksql-test-runner compatible runner, SQL test files.

export { runGoldenScript, splitStatements, GOLDEN_EPOCH } from './golden-script.js';
export { runKsqlTest, type KsqlTestCase, type KsqlTestResult } from './run-ksql-test.js';
export { runSqlTestFile } from './run-sql-test.js';
export { splitSqlTests, type SqlTest } from './sql-test-file.js';
export { loadKsqlCase, findCaseFolders, runCaseFolders, findSqlFiles, runSqlTestFiles, STATEMENTS_FILE, INPUT_FILE, OUTPUT_FILE } from './case-suite.js';
export { parseRecordFile, formatRecordFile, formatFileRecord, type FileRecord, type TestWindow } from './test-file-records.js';
export { matchJson, DOUBLE_TOLERANCE } from './json-matcher.js';
export { matchRecord, type MatchContext } from './record-matcher.js';
export { splitWindowedKey, windowedKeyBytes } from './windowed-key.js';
export { exitCodeOf, type TestResult, type TestStatus } from './test-result.js';
export { formatResult, formatSummary, junitXml } from './test-report.js';
