/**
 * The emulator's state and its persistence: one JSON file written atomically (tmp + rename)
 * shortly after every change, plus blobs and unpacked function code under the work directory.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FileRecord {
  id: number;
  externalId?: string;
  name: string;
  directory?: string;
  source?: string;
  mimeType?: string;
  metadata?: Record<string, string>;
  assetIds?: number[];
  dataSetId?: number;
  labels?: { externalId: string }[];
  sourceCreatedTime?: number;
  sourceModifiedTime?: number;
  securityCategories?: number[];
  geoLocation?: unknown;
  uploaded: boolean;
  uploadedTime?: number;
  createdTime: number;
  lastUpdatedTime: number;
  /** Multipart upload in progress: its id and how many parts. */
  multipart?: { uploadId: string; parts: number };
}

export interface DataSetRecord {
  id: number;
  externalId?: string;
  name?: string;
  description?: string;
  metadata?: Record<string, string>;
  writeProtected: boolean;
  createdTime: number;
  lastUpdatedTime: number;
}

export interface SessionRecord {
  id: number;
  nonce: string;
  type: 'CLIENT_CREDENTIALS' | 'TOKEN_EXCHANGE' | 'ONESHOT_TOKEN_EXCHANGE';
  status: 'READY' | 'ACTIVE' | 'REVOKED' | 'EXPIRED';
  clientId: string;
  write: boolean;
  creationTime: number;
  /** When the session ends (a token-exchange session ends with the token it was made from). */
  expirationTime: number;
  /** Until when the nonce can be bound (about a minute in CDF). */
  nonceExpiresAt?: number;
  nonceUsed: boolean;
  /** 0 for a root session; 1 for one created from a function call's token (CDF allows one level). */
  depth?: number;
}

export type FunctionStatus = 'Queued' | 'Deploying' | 'Ready' | 'Failed';
export interface FunctionError {
  message: string;
  trace?: string;
}

export interface FunctionRecord {
  id: number;
  name: string;
  externalId?: string;
  description?: string;
  owner?: string;
  status: FunctionStatus;
  fileId: number;
  functionPath: string;
  createdTime: number;
  secrets?: Record<string, string>;
  envVars?: Record<string, string>;
  cpu: number;
  memory: number;
  runtime: string;
  runtimeVersion: string;
  metadata?: Record<string, string>;
  lastCalled?: number;
  indexUrl?: string;
  extraIndexUrls?: string[];
  error?: FunctionError;
}

export type CallStatus = 'Running' | 'Completed' | 'Failed' | 'Timeout';
export interface CallRecord {
  id: number;
  functionId: number;
  scheduleId?: number;
  scheduledTime?: number;
  startTime: number;
  endTime?: number;
  status: CallStatus;
  error?: FunctionError;
  response?: unknown;
  logs: { timestamp: number; message: string }[];
}

export interface ScheduleRecord {
  id: number;
  name: string;
  functionId: number;
  functionExternalId?: string;
  cronExpression: string;
  description?: string;
  createdTime: number;
  data?: unknown;
  /** The session the schedule runs with (its nonce was bound at creation). */
  sessionId: number;
  when: string;
  /** The session's client, kept for schedules saved before sessionId existed. */
  clientId: string;
  write: boolean;
}

export interface TokenRecord {
  clientId: string;
  write: boolean;
  expiresAt: number;
  /** Tokens handed to a function call: the session they act for, and its depth. */
  sessionId?: number;
  sessionDepth?: number;
}

export interface State {
  nextId: number;
  files: FileRecord[];
  datasets: DataSetRecord[];
  sessions: SessionRecord[];
  functions: FunctionRecord[];
  calls: CallRecord[];
  schedules: ScheduleRecord[];
  tokens: Record<string, TokenRecord>;
  /** Upload URL token → file (and part, for multipart). */
  uploads: Record<string, { fileId: number; part?: number }>;
}

const STATE_FILE = 'state.json';

function freshState(): State {
  const now = Date.now();
  return {
    nextId: 1_000_000_001,
    files: [],
    // The Model Manager's default data set exists in every fresh emulator (contract A).
    datasets: [{ id: 1_000_000_000, externalId: 'mlops', name: 'mlops', description: 'MLOps artifacts and function code', writeProtected: false, createdTime: now, lastUpdatedTime: now }],
    sessions: [],
    functions: [],
    calls: [],
    schedules: [],
    tokens: {},
    uploads: {},
  };
}

export class Store {
  readonly state: State;
  private pending: NodeJS.Immediate | undefined;

  /** `persistDir` undefined = memory only. */
  constructor(private readonly persistDir: string | undefined) {
    const file = persistDir && join(persistDir, STATE_FILE);
    if (file && existsSync(file)) {
      this.state = { ...freshState(), ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<State>) };
    } else {
      this.state = freshState();
    }
  }

  get restored(): boolean {
    return !!this.persistDir && existsSync(join(this.persistDir, STATE_FILE));
  }

  newId(): number {
    return this.state.nextId++;
  }

  /** Schedules a save; many changes in one tick write once. */
  changed(): void {
    if (!this.persistDir || this.pending) return;
    this.pending = setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.pending) clearImmediate(this.pending);
    this.pending = undefined;
    if (!this.persistDir) return;
    mkdirSync(this.persistDir, { recursive: true });
    const file = join(this.persistDir, STATE_FILE);
    writeFileSync(`${file}.tmp`, JSON.stringify(this.state));
    renameSync(`${file}.tmp`, file);
  }
}
