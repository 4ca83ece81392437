/**
 * Values as PyYAML 6 `safe_load` builds them, and Python's `str()`/`repr()` of them.
 *
 * The akerbp-mlops package read `mlops_settings.yaml` with PyYAML and wrote function metadata
 * as `str(value)`, so a repository means what PyYAML made of it. PyYAML's implicit resolvers
 * are YAML 1.1-like but not the spec (`y`/`n` stay strings, `08` and `1e-3` stay strings,
 * `0123` is octal, `12:30` is 750). The regular expressions and constructors below are copied
 * from PyYAML 6.0 `resolver.py` and `constructor.py` (SafeConstructor); Python's float repr
 * and `str.__repr__` rules from CPython's `float_repr_style = 'short'` and `unicode_repr`.
 * The `yaml` library parses the text; only the scalar's text (`source`), style and tag are used.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import { deref } from './yaml-nodes.js';

/** A Python `int` (arbitrary precision). */
export class PyInt {
  constructor(readonly value: bigint) {}
}
/** A Python `float`. */
export class PyFloat {
  constructor(readonly value: number) {}
}
/** A `datetime.date` (`hour` undefined) or `datetime.datetime`; `tzMinutes` null for a naive datetime. */
export class PyDate {
  constructor(
    readonly year: number, readonly month: number, readonly day: number,
    readonly time?: { hour: number; minute: number; second: number; microsecond: number; tzMinutes: number | null },
  ) {}
}
/** A Python `dict`, keys in insertion order. */
export class PyDict {
  constructor(readonly entries: [PyValue, PyValue][]) {}
}
/** str, bool, None, int, float, date/datetime, list, dict. */
export type PyValue = string | boolean | null | PyInt | PyFloat | PyDate | PyValue[] | PyDict;

/** Why PyYAML would refuse a node (the package could not load the file). */
export interface PyYamlIssue {
  node: Node;
  message: string;
}

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP = /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;
const TIMESTAMP_PARTS = /^([0-9]{4})-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$/;

const TAG = 'tag:yaml.org,2002:';
type Resolved = 'str' | 'bool' | 'int' | 'float' | 'null' | 'timestamp' | 'merge' | 'value';

/** PyYAML's implicit resolution of a plain scalar's text (resolvers tried in PyYAML's order per first character). */
export function resolvePlain(text: string): Resolved {
  const first = text[0] ?? '';
  if ('yYnNtTfFoO'.includes(first) && first && BOOL.test(text)) return 'bool';
  if ('-+0123456789.'.includes(first) && first && FLOAT.test(text)) return 'float';
  if ('-+0123456789'.includes(first) && first && INT.test(text)) return 'int';
  if (first === '<' && text === '<<') return 'merge';
  if (['~', 'n', 'N', ''].includes(first) && NULL.test(text)) return 'null';
  if ('0123456789'.includes(first) && first && TIMESTAMP.test(text)) return 'timestamp';
  if (first === '=' && text === '=') return 'value';
  return 'str';
}

function signed(text: string): [bigint, string] {
  const sign = text[0] === '-' ? -1n : 1n;
  return [sign, '+-'.includes(text[0]) ? text.slice(1) : text];
}

/** `construct_yaml_int`; throws on what Python's `int()` refuses (`0x_`). */
function constructInt(text: string): PyInt {
  const [sign, v] = signed(text.replace(/_/g, ''));
  const parse = (digits: string, radix: number): bigint => {
    if (!digits) throw new Error(`invalid literal for int() with base ${radix}: ''`);
    return [...digits].reduce((n, d) => n * BigInt(radix) + BigInt(parseInt(d, radix)), 0n);
  };
  if (v === '0') return new PyInt(0n);
  if (v.startsWith('0b')) return new PyInt(sign * parse(v.slice(2), 2));
  if (v.startsWith('0x')) return new PyInt(sign * parse(v.slice(2), 16));
  if (v[0] === '0') return new PyInt(sign * parse(v, 8));
  if (v.includes(':')) {
    let value = 0n;
    let base = 1n;
    for (const digit of v.split(':').reverse()) {
      value += BigInt(digit) * base;
      base *= 60n;
    }
    return new PyInt(sign * value);
  }
  return new PyInt(sign * BigInt(v));
}

/** `construct_yaml_float`. */
function constructFloat(text: string): PyFloat {
  let v = text.replace(/_/g, '').toLowerCase();
  const sign = v[0] === '-' ? -1 : 1;
  if ('+-'.includes(v[0])) v = v.slice(1);
  if (v === '.inf') return new PyFloat(sign * Infinity);
  if (v === '.nan') return new PyFloat(NaN);
  if (v.includes(':')) {
    let value = 0;
    let base = 1;
    for (const digit of v.split(':').reverse()) {
      value += Number(digit) * base;
      base *= 60;
    }
    return new PyFloat(sign * value);
  }
  return new PyFloat(sign * Number(v));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `construct_yaml_timestamp`; throws as `datetime` does on an impossible date or time. */
function constructTimestamp(text: string): PyDate {
  const m = TIMESTAMP_PARTS.exec(text);
  if (!m) throw new Error(`not a timestamp: ${text}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (year < 1) throw new Error(`year ${year} is out of range`);
  if (month < 1 || month > 12) throw new Error('month must be in 1..12');
  if (day < 1 || day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) throw new Error('day is out of range for month');
  if (m[4] === undefined) return new PyDate(year, month, day);
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (hour > 23) throw new Error('hour must be in 0..23');
  if (minute > 59) throw new Error('minute must be in 0..59');
  if (second > 59) throw new Error('second must be in 0..59');
  const microsecond = m[7] ? Number(m[7].slice(0, 6).padEnd(6, '0')) : 0;
  let tzMinutes: number | null = null;
  if (m[9]) {
    tzMinutes = (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0));
    if (Math.abs(tzMinutes) >= 24 * 60) throw new Error('offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)');
  } else if (m[8]) {
    tzMinutes = 0;
  }
  return new PyDate(year, month, day, { hour, minute, second, microsecond, tzMinutes });
}

/** The value of a scalar's text for a resolved (or explicit) tag. */
function construct(kind: Resolved, text: string): PyValue {
  switch (kind) {
    case 'bool': return text.toLowerCase() === 'yes' || text.toLowerCase() === 'true' || text.toLowerCase() === 'on';
    case 'int': return constructInt(text);
    case 'float': return constructFloat(text);
    case 'null': return null;
    case 'timestamp': return constructTimestamp(text);
    case 'str': return text;
    default: throw new Error(`could not determine a constructor for the tag '${TAG}${kind}'`);
  }
}

const EXPLICIT: Record<string, Resolved> = {
  [`${TAG}str`]: 'str', [`${TAG}int`]: 'int', [`${TAG}float`]: 'float', [`${TAG}bool`]: 'bool',
  [`${TAG}null`]: 'null', [`${TAG}timestamp`]: 'timestamp',
};

/** The PyYAML value of one scalar node; throws with PyYAML's reason when `safe_load` would fail. */
export function scalarValue(node: Scalar): PyValue {
  const text = node.source ?? String(node.value ?? '');
  // The non-specific `!` leaves a plain scalar to implicit resolution (PyYAML's parser) and makes others strings.
  if (node.tag && node.tag !== '!') {
    const kind = EXPLICIT[node.tag];
    if (!kind) throw new Error(`PyYAML's safe_load cannot build the tag ${node.tag}`);
    if (kind === 'bool' && !BOOL.test(text)) throw new Error(`"${text}" is not a boolean for !!bool`);
    if (kind === 'null') return null;
    if ((kind === 'int' && !INT.test(text)) || (kind === 'float' && !FLOAT.test(text) && Number.isNaN(Number(text.replace(/_/g, ''))))) {
      throw new Error(`"${text}" is not a valid ${kind} for !!${kind}`);
    }
    if (kind === 'timestamp' && !TIMESTAMP_PARTS.test(text)) throw new Error(`"${text}" is not a timestamp`);
    return construct(kind, text);
  }
  if (node.type !== 'PLAIN') return text;
  // PyYAML's scanner ends a plain scalar at a tab and then finds no token starting with one.
  if (text.includes('\t')) throw new Error('PyYAML refuses a tab inside an unquoted value; quote it');
  const kind = resolvePlain(text);
  if (kind === 'merge' || kind === 'value') {
    throw new Error(`PyYAML cannot load a plain ${text} as a value (safe_load has no constructor for tag:yaml.org,2002:${kind}); quote it: "${text}"`);
  }
  return construct(kind, text);
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.type === 'PLAIN' && !key.tag && (key.source === '<<' || typeof key.value === 'symbol');
}

/** Python's key equality: `True == 1 == 1.0`. */
function keyId(key: PyValue): string {
  if (typeof key === 'boolean') return key ? '1' : '0';
  if (key instanceof PyFloat && Number.isInteger(key.value)) return BigInt(key.value).toString();
  return pyRepr(key);
}

/** A dict under construction: `set` replaces the value of an equal key in place, as Python does. */
class DictBuilder {
  readonly entries: [PyValue, PyValue][] = [];
  private readonly at = new Map<string, number>();
  set(key: PyValue, value: PyValue): void {
    const id = keyId(key);
    const i = this.at.get(id);
    if (i !== undefined) this.entries[i][1] = value;
    else this.at.set(id, this.entries.push([key, value]) - 1);
  }
}

export interface PyValueOptions {
  /** problems PyYAML would raise; the node then reads as its text */
  issues?: PyYamlIssue[];
  /** every scalar with its value and depth (0: `node` itself; 1: its items, keys and values, merged ones included) */
  onScalar?: (node: Scalar, value: PyValue, depth: number) => void;
}

/**
 * The PyYAML value of a node: aliases followed, `<<` merges flattened as PyYAML's
 * `flatten_mapping` does (merged keys first, earlier merge sources and explicit keys win,
 * a repeated key keeps its first place and its last value).
 */
export function pyValueOf(node: unknown, doc: Document, o: PyValueOptions = {}, depth = 0): PyValue {
  if (isAlias(node)) return pyValueOf(deref(node, doc), doc, o, depth);
  if (isScalar(node)) {
    let value: PyValue;
    try {
      value = scalarValue(node);
    } catch (err) {
      o.issues?.push({ node, message: (err as Error).message });
      value = node.source ?? String(node.value);
    }
    o.onScalar?.(node, value, depth);
    return value;
  }
  if (isSeq(node)) return node.items.map((item) => pyValueOf(item, doc, o, depth + 1));
  if (isMap(node)) {
    const merged: [PyValue, PyValue][][] = [];
    const own: [PyValue, PyValue][] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (isMergeKey(pair.key)) {
        const value = deref(pair.value, doc);
        const sources = isSeq(value) ? value.items : [value];
        for (const s of sources) {
          const v = pyValueOf(s, doc, o, depth);
          if (v instanceof PyDict) merged.push(v.entries);
          else o.issues?.push({ node: (s ?? pair.key) as Node, message: 'expected a mapping (or a list of mappings) for merging with <<' });
        }
      } else {
        own.push([pyValueOf(pair.key, doc, o, depth + 1), pyValueOf(pair.value, doc, o, depth + 1)]);
      }
    }
    const dict = new DictBuilder();
    // flatten_mapping: merge = later sources' pairs first, then earlier ones (so earlier win), then the node's own.
    for (const source of merged.reverse()) for (const [k, v] of source) dict.set(k, v);
    for (const [k, v] of own) dict.set(k, v);
    return new PyDict(dict.entries);
  }
  return null;
}

/** YAML that keeps `text` a string: double-quoted (JSON escapes are YAML escapes), or single-quoted when it holds `"`. */
export function quoteForYaml(text: string): string {
  return text.includes('"') && !text.includes("'") && !text.includes('\\') ? `'${text}'` : JSON.stringify(text);
}

/**
 * When PyYAML's value of a plain scalar reads differently from its text (`no` → False, `3.10` →
 * 3.1, `0123` → 83, a date inside a list → `datetime.date(2020, 1, 1)`), a sentence saying so and
 * how to keep the text; undefined otherwise. `null`/`~` are taken as meant, and so are
 * `true`/`false` unless the field is text (`asText`: `model_name: false` becomes "False").
 */
export function textChange(node: Scalar, value: PyValue, nested: boolean, asText = false): string | undefined {
  if (typeof value === 'string' || node.type !== 'PLAIN' || (node.tag && node.tag !== '!')) return undefined;
  const text = node.source ?? '';
  if (value === null) return undefined;
  if (typeof value === 'boolean' && !asText && /^(true|false)$/i.test(text)) return undefined;
  const shown = nested ? pyRepr(value) : pyStr(value);
  if (shown === text) return undefined;
  const kind = typeof value === 'boolean' ? 'the boolean' : value instanceof PyInt ? 'the integer' : value instanceof PyFloat ? 'the float' : value instanceof PyDate ? 'a date' : 'a value';
  return `PyYAML (which akerbp-mlops used) reads ${text} as ${kind} ${shown}; write ${quoteForYaml(text)} to keep the text`;
}

/** Plain JavaScript for schema checks: ints and floats as numbers, dates as their `str()`, dicts as objects keyed by `str(key)`. */
export function toJs(value: PyValue): unknown {
  if (value instanceof PyInt) return Number(value.value);
  if (value instanceof PyFloat) return value.value;
  if (value instanceof PyDate) return pyStr(value);
  if (Array.isArray(value)) return value.map(toJs);
  if (value instanceof PyDict) return Object.fromEntries(value.entries.map(([k, v]) => [pyStr(k), toJs(v)]));
  return value;
}

/** Python's `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, e] = x.toExponential().split('e');
  const exp = Number(e);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exp < -4 || exp >= 16) {
    return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** Characters `str.isprintable()` rejects (other than space): Python's repr escapes them. */
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Printable ASCII other than `'` and `\\`: Python's repr only wraps such a string in `'`. */
const PLAIN_ASCII = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/;

/** Python's `repr(str)`. */
export function strRepr(s: string): string {
  if (PLAIN_ASCII.test(s)) return `'${s}'`;
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      const code = ch.codePointAt(0) as number;
      out += code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function tzRepr(minutes: number): string {
  if (minutes === 0) return 'datetime.timezone.utc';
  const seconds = minutes * 60;
  // timedelta normalises to days and 0 <= seconds < 86400.
  const days = Math.floor(seconds / 86400);
  const rest = seconds - days * 86400;
  return `datetime.timezone(datetime.timedelta(${days ? `days=${days}, ` : ''}seconds=${rest}))`;
}

function tzStr(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function dateStr(d: PyDate): string {
  const date = `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
  if (!d.time) return date;
  const t = d.time;
  return `${date} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${t.microsecond ? `.${pad(t.microsecond, 6)}` : ''}${t.tzMinutes === null ? '' : tzStr(t.tzMinutes)}`;
}

function dateRepr(d: PyDate): string {
  if (!d.time) return `datetime.date(${d.year}, ${d.month}, ${d.day})`;
  const t = d.time;
  const fields = [d.year, d.month, d.day, t.hour, t.minute, t.second, t.microsecond];
  if (fields.at(-1) === 0) fields.pop();
  if (fields.at(-1) === 0) fields.pop();
  return `datetime.datetime(${fields.join(', ')}${t.tzMinutes === null ? '' : `, tzinfo=${tzRepr(t.tzMinutes)}`})`;
}

/** Python's `repr()` of a PyYAML value. */
export function pyRepr(value: PyValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return strRepr(value);
  if (value instanceof PyInt) return value.value.toString();
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (value instanceof PyDate) return dateRepr(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  return `{${value.entries.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
}

/** Python's `str()` of a PyYAML value: what the package wrote into function metadata. */
export function pyStr(value: PyValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof PyDate) return dateStr(value);
  return pyRepr(value);
}
