import type { Logger } from '../logger.js';

/**
 * Models run in parallel, so their lines interleave: each line names its model, and groups
 * (which cannot interleave on GitHub) become plain title lines.
 */
export function prefixedLogger(log: Logger, prefix: string): Logger {
  const p = (m: string) => `[${prefix}] ${m}`;
  return {
    debug: (m) => log.debug(p(m)),
    info: (m) => log.info(p(m)),
    warning: (m, loc) => log.warning(p(m), loc),
    error: (m, loc) => log.error(p(m), loc),
    group: async (title, fn) => {
      log.info(p(title));
      return fn();
    },
    secret: (v) => log.secret(v),
  };
}
