/** The suite's version: recorded in function metadata and zips, and printed by `mlops --version`. */
export const SUITE_VERSION = '4.0.0';
