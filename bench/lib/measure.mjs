// Process runners and statistics shared by the benchmarks.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const benchDir = dirname(dirname(fileURLToPath(import.meta.url)));
export const repoRoot = dirname(benchDir);
export const workDir = join(benchDir, '.work');
const RUSAGE = join(benchDir, 'rusage.py');

/** Runs a command to completion; rejects on a non-allowed exit code with its output. */
export function run(cmd, args, { cwd, env, allowCodes = [0], input } = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env: env ? { ...process.env, ...env } : process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.stdin.end(input ?? '');
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (!allowCodes.includes(code)) {
        reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}:\n${(stderr || stdout).slice(-2000)}`));
      } else resolve({ code, ms, stdout, stderr });
    });
  });
}

/** Runs a non-Node baseline under rusage.py: wall time and the child's peak RSS. */
export async function runMeasured(cmd, args, options = {}) {
  const r = await run('python3', [RUSAGE, cmd, ...args], options);
  const last = r.stderr.trim().split('\n').pop();
  return { ...JSON.parse(last), stdout: r.stdout };
}

/** The JSON line a bench runner subcommand prints last on stdout. */
export function lastJson(stdout) {
  const line = stdout.trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`bench runner printed no result:\n${stdout.slice(-2000)}`);
  }
}

export const runnerPath = join(workDir, 'runner', 'index.mjs');

/** Runs a subcommand of the bundled runner (bench/runner.ts) and returns its JSON result and wall time. */
export async function runRunner(args, options = {}) {
  const r = await run(process.execPath, [runnerPath, ...args], options);
  return { ...lastJson(r.stdout), wallMs: r.ms };
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs `a` and `b` alternately `rounds` times so machine noise hits both alike. */
export async function interleave(rounds, a, b) {
  const as = [];
  const bs = [];
  for (let i = 0; i < rounds; i++) {
    as.push(await a(i));
    bs.push(await b(i));
  }
  return [as, bs];
}
