/**
 * Finds where a value came from in a parsed YAML document, following aliases and merge keys
 * (`<< : *desc`), so every problem points at the line the user has to edit.
 */
import { isAlias, isMap, isNode, isScalar, isSeq, type Alias, type Document, type Node, type Pair } from 'yaml';

type Path = readonly (string | number)[];

interface AliasIndex {
  /** every alias node, in source order */
  aliases: Alias[];
  /** what each alias names: the last node anchored with its name before it (undefined: no such anchor) */
  targets: Map<Alias, Node | undefined>;
  /** how many nodes are written (keys, values and items; an alias counts one) */
  written: number;
}

// Alias.resolve walks the whole document on every call; settings resolve the same aliases often.
const indexes = new WeakMap<Document, AliasIndex>();

/** One walk of the document, in the order `Alias.resolve` uses: a node's anchor counts before its children. */
function aliasIndex(doc: Document): AliasIndex {
  const known = indexes.get(doc);
  if (known) return known;
  const index: AliasIndex = { aliases: [], targets: new Map(), written: 0 };
  const anchors = new Map<string, Node>();
  const walk = (node: unknown): void => {
    if (!isNode(node)) return;
    index.written++;
    if (isAlias(node)) {
      index.aliases.push(node);
      index.targets.set(node, anchors.get(node.source));
      return;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    if (isSeq(node)) node.items.forEach(walk);
    else if (isMap(node)) for (const pair of node.items) { walk(pair.key); walk(pair.value); }
  };
  walk(doc.contents);
  indexes.set(doc, index);
  return index;
}

/**
 * The node an alias of `doc` names, as yaml's `Alias.resolve(doc)` finds it (the last node with
 * that anchor before the alias), or undefined when no anchor precedes it; any other node is
 * returned unchanged. Resolved from one walk of the document, kept while the document lives.
 */
export function deref(node: unknown, doc: Document): unknown {
  return isAlias(node) ? aliasIndex(doc).targets.get(node) : node;
}

/** Every alias node of the document, in source order. */
export function aliasesOf(doc: Document): Alias[] {
  return aliasIndex(doc).aliases;
}

/** The first alias that sits inside the node its anchor names (`a: &x [*x]`), if any. */
export function circularAlias(doc: Document): Alias | undefined {
  return aliasesOf(doc).find((alias) => {
    const source = deref(alias, doc) as Node | undefined;
    const [start, end] = [alias.range?.[0], source?.range?.[1]];
    return start !== undefined && end !== undefined && source!.range![0] <= start && start < end;
  });
}

/**
 * How many nodes expanding the document's aliases adds to what is written (each expanded key,
 * value and item counts one), counting no further than about `limit`: the "billion laughs"
 * guard, run before anything expands the aliases. Call it only on a document without a circular
 * alias (`circularAlias`), which has no finite expansion; aliases with no anchor add nothing.
 */
export function aliasExpansion(doc: Document, limit: number): number {
  const { written } = aliasIndex(doc);
  const expanded = new Map<Node, number>();
  const size = (node: unknown): number => {
    const target = deref(node, doc);
    if (!isNode(target)) return isNode(node) ? 1 : 0;
    const known = expanded.get(target);
    if (known !== undefined) return known;
    let total = 1;
    const add = (child: unknown) => {
      if (total <= written + limit) total += size(child);
    };
    if (isSeq(target)) target.items.forEach(add);
    else if (isMap(target)) for (const pair of target.items) { add(pair.key); add(pair.value); }
    expanded.set(target, total);
    return total;
  };
  return size(doc.contents) - written;
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
