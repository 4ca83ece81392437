/**
 * Finds where a value came from in a parsed YAML document, following aliases and merge keys
 * (`<< : *desc`), so every problem points at the line the user has to edit.
 */
import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair } from 'yaml';

type Path = readonly (string | number)[];

// Alias.resolve searches the whole document each time; settings look the same aliases up often.
const resolved = new WeakMap<object, unknown>();

function deref(node: unknown, doc: Document): unknown {
  if (!isAlias(node)) return node;
  if (!resolved.has(node)) resolved.set(node, node.resolve(doc));
  return resolved.get(node);
}

/** Every alias node of the document, in source order. */
export function aliasesOf(doc: Document): Alias[] {
  const found: Alias[] = [];
  visit(doc, { Alias: (_, node) => void found.push(node) });
  return found;
}

/** The first alias that sits inside the node its anchor names (`a: &x [*x]`), if any. */
export function circularAlias(doc: Document): Alias | undefined {
  return aliasesOf(doc).find((alias) => {
    const source = deref(alias, doc) as Node | undefined;
    const [start, end] = [alias.range?.[0], source?.range?.[1]];
    return start !== undefined && end !== undefined && source!.range![0] <= start && start < end;
  });
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (typeof key.value === 'symbol' || key.value === '<<');
}

/** The pair holding `key` in a mapping, looking through merged mappings as YAML does. */
function findPair(map: unknown, key: string, doc: Document, depth = 0): Pair | undefined {
  if (!isMap(map) || depth > 20) return undefined;
  const own = map.items.find((p) => !isMergeKey(p.key) && String(isScalar(p.key) ? p.key.value : p.key) === key);
  if (own) return own;
  for (const p of map.items) {
    if (!isMergeKey(p.key)) continue;
    const sources = isSeq(p.value) ? p.value.items : [p.value];
    for (const s of sources) {
      const found = findPair(deref(s, doc), key, doc, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Source offset for `path`: the key (for unknown keys) or the value; when the path does not
 * exist (a missing field), the key of the deepest mapping that does, else the document start.
 */
export function locateOffset(doc: Document, path: Path, want: 'key' | 'value' = 'value'): number {
  let node: unknown = doc.contents;
  let fallback = (doc.contents as Node | null)?.range?.[0] ?? doc.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    node = deref(node, doc);
    const seg = path[i];
    const last = i === path.length - 1;
    if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg];
      fallback = (node as Node).range?.[0] ?? fallback;
      continue;
    }
    const pair = findPair(node, String(seg), doc);
    if (!pair) return fallback;
    fallback = (pair.key as Node | null)?.range?.[0] ?? fallback;
    if (last && want === 'key') return fallback;
    node = pair.value;
  }
  const start = (node as Node | null)?.range?.[0];
  // `owner:` with nothing after it has no value worth pointing at; keep the key.
  return start === undefined || (isScalar(node) && node.value === null && !node.source) ? fallback : start;
}

/** The node at `path` (aliases and merges followed), or undefined. */
export function nodeAt(doc: Document, path: Path): unknown {
  let node: unknown = doc.contents;
  for (const seg of path) {
    node = deref(node, doc);
    node = isSeq(node) && typeof seg === 'number' ? node.items[seg] : findPair(node, String(seg), doc)?.value;
    if (node === undefined) return undefined;
  }
  return deref(node, doc);
}
