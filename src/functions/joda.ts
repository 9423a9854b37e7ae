// @js-joda, the date-time library under Eddy's date-time functions, loaded on first use with its time-zone rules.

import { createRequire } from 'node:module';
import type * as JodaCore from '@js-joda/core';

let loaded: typeof JodaCore | undefined;

/**
 * @js-joda/core with @js-joda/timezone's IANA rules plugged in. Loading both costs about 0.2–0.3 s of
 * CPU (the zone database is unpacked), which a command or query that never touches a date-time does
 * not pay: `eddy --version`, a script over numbers and strings, a CLI run on Kafka.
 */
export function joda(): typeof JodaCore {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    const core = require('@js-joda/core') as typeof JodaCore;
    // Requires the same @js-joda/core and plugs the zone rules into it.
    require('@js-joda/timezone');
    loaded = core;
  }
  return loaded;
}
