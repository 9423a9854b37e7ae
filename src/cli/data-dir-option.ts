// The options every command shares: where the data directory is.

import { Option } from 'commander';

export const DEFAULT_DATA_DIR = './.eddy';

export function dataDirOption(): Option {
  return new Option('-d, --data-dir <dir>', 'the data directory (topics, catalog, state)').env('EDDY_DATA_DIR').default(DEFAULT_DATA_DIR);
}
