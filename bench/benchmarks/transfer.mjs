// Artifact transfer to the emulator: the Model Manager's byte path against curl moving the same
// bytes through the same API's upload and download URLs.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { interleave, lastJson, median, runMeasured, runRunner, runnerPath, workDir } from '../lib/measure.mjs';
import { fmt, row } from '../lib/table.mjs';
import { randomFile } from '../lib/workload.mjs';

const MAX_RSS_MB = 150;
const FLAT_RSS = 1.5;

/** An emulator in its own process, so its memory and CPU are not counted as ours. */
async function startEmulatorProcess() {
  const child = spawn(process.execPath, [runnerPath, 'emulator', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      if (text.includes('\n')) resolve(text);
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before it started`)));
  });
  return { address: lastJson(line), stop: async () => { child.kill('SIGTERM'); await once(child, 'exit'); } };
}

/** The baseline's API calls, by hand: token, create file (upload URL), download link. */
async function rawApi(address) {
  const token = await fetch(address.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'curl', client_secret: 'curl', scope: `${address.url}/.default` }),
  }).then((r) => r.json());
  const auth = `Bearer ${token.access_token}`;
  const api = (path, body) => fetch(`${address.url}/api/v1/projects/${address.project}${path}`, {
    method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body),
  }).then(async (r) => (r.ok ? r.json() : Promise.reject(new Error(`${path}: HTTP ${r.status} ${await r.text()}`))));
  return { auth, api };
}

async function curlRound(address, file, dest) {
  const { auth, api } = await rawApi(address);
  const created = await api('/files', { name: 'curl.bin', externalId: `curl/${Date.now()}/${Math.random()}` });
  const up = await runMeasured('curl', ['-sS', '-f', '-X', 'PUT', '-T', file, '-H', `Authorization: ${auth}`, '-H', 'Content-Type: application/octet-stream', '-o', '/dev/null', created.uploadUrl]);
  const { items: [link] } = await api('/files/downloadlink', { items: [{ id: created.id }] });
  const down = await runMeasured('curl', ['-sS', '-f', '-H', `Authorization: ${auth}`, '-o', dest, link.downloadUrl]);
  if (up.code || down.code) throw new Error(`curl failed (upload exit ${up.code}, download exit ${down.code})`);
  return { uploadMs: up.wallMs, downloadMs: down.wallMs, maxRssMb: Math.max(up.maxRssMb, down.maxRssMb) };
}

export async function transfer({ artifactBytes, rounds }) {
  const file = await randomFile(artifactBytes);
  const small = await randomFile(1024 * 1024);
  const dest = join(workDir, 'transfer-download.bin');
  const emu = await startEmulatorProcess();
  try {
    const json = JSON.stringify(emu.address);
    const [o, c] = await interleave(rounds, () => runRunner(['transfer', json, file, dest]), () => curlRound(emu.address, file, dest));
    // Flat memory: the same transfer of 1 MiB, in a fresh process.
    const tiny = await runRunner(['transfer', json, small, dest]);
    await rm(dest, { force: true });
    const mbps = (ms) => artifactBytes / 1024 / 1024 / (ms / 1000);
    const up = [median(o.map((r) => r.uploadMs)), median(c.map((r) => r.uploadMs))];
    const down = [median(o.map((r) => r.downloadMs)), median(c.map((r) => r.downloadMs))];
    const rss = Math.max(...o.map((r) => r.maxRssMb));
    const label = fmt.bytes(artifactBytes);
    return [
      row(`Artifact upload ${label} (median of ${rounds})`, fmt.mbps(mbps(up[0])), `${fmt.mbps(mbps(up[1]))} (curl PUT)`, fmt.ratio(up[1] / up[0]), '≥ 0.8×', up[1] / up[0] >= 0.8),
      row(`Artifact download ${label} (median of ${rounds})`, fmt.mbps(mbps(down[0])), `${fmt.mbps(mbps(down[1]))} (curl GET)`, fmt.ratio(down[1] / down[0]), '≥ 0.8×', down[1] / down[0] >= 0.8),
      row(`Artifact transfer ${label}: peak RSS`, fmt.mb(rss), `${fmt.mb(Math.max(...c.map((r) => r.maxRssMb)))} (curl)`, fmt.ratio(rss / Math.max(...c.map((r) => r.maxRssMb))), `≤ ${MAX_RSS_MB} MB`, rss <= MAX_RSS_MB),
      row(`Artifact transfer: RSS ${label} vs 1 MiB (flat memory)`, fmt.mb(rss), `${fmt.mb(tiny.maxRssMb)} (1 MiB)`, fmt.ratio(rss / tiny.maxRssMb), `≤ ${FLAT_RSS}×`, rss / tiny.maxRssMb <= FLAT_RSS),
    ];
  } finally {
    await emu.stop();
  }
}
