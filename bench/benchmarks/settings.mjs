// Validating a large settings file: the first (cold) loadSettings in a fresh process.
import { runRunner } from '../lib/measure.mjs';
import { fmt, row } from '../lib/table.mjs';
import { manyModelsRepo } from '../lib/workload.mjs';

const MAX_MS = 300;

export async function settingsScale({ models, runs }) {
  const many = await manyModelsRepo(models);
  const one = await manyModelsRepo(1);
  const m = await runRunner(['settings', many, String(runs)]);
  const s = await runRunner(['settings', one, String(runs)]);
  if (m.models !== models) throw new Error(`loadSettings found ${m.models} models in the generated file, expected ${models}`);
  return [
    row(`Validate ${models}-model settings (first call)`, fmt.ms(m.firstMs), `${fmt.ms(s.firstMs)} (1 model)`, fmt.ratio(m.firstMs / s.firstMs), `≤ ${MAX_MS} ms`, m.firstMs <= MAX_MS),
    row(`Validate ${models}-model settings (warm, median of ${runs - 1})`, fmt.ms(m.warmMedianMs), `${fmt.ms(s.warmMedianMs)} (1 model)`, fmt.ratio(m.warmMedianMs / s.warmMedianMs), '—', null),
  ];
}
