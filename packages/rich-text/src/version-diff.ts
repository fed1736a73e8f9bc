/**
 * What changed between two versions of a note or protocol, for the history view: the documents
 * are cut into text blocks (paragraphs, headings, list items, table cells… each with the kind of
 * block it is), blocks are matched by their text (longest common subsequence), and a block that
 * was edited — removed and added at the same place — is diffed word by word. The result marks
 * every addition and deletion; nothing here depends on Yjs history, so it works on frozen copies.
 */
import type { RichTextNode } from './rich-text-json';

export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

export interface DiffBlock {
  /** 'same', 'added' or 'removed' for a whole block; 'changed' when its words differ. */
  op: DiffOp | 'changed';
  /** The kind of block: paragraph, heading, listItem, taskItem, blockquote, tableCell, codeBlock. */
  kind: string;
  parts: DiffPart[];
}

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);
/** Containers that name the kind of a paragraph inside them (the innermost wins). */
const KIND_CONTAINERS = new Set(['listItem', 'taskItem', 'blockquote', 'tableCell', 'tableHeader']);
/** Past this many cells the word diff gives up and shows the block as removed and added. */
const MAX_LCS_CELLS = 4_000_000;

interface Block {
  kind: string;
  text: string;
}

function inlineText(node: RichTextNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(inlineText).join('');
}

/** A document's text blocks in reading order. */
export function textBlocks(doc: RichTextNode): Block[] {
  const out: Block[] = [];
  const walk = (node: RichTextNode, container: string | null) => {
    if (TEXT_BLOCKS.has(node.type)) {
      const kind = node.type === 'heading' ? `heading${String(node.attrs?.level ?? '')}` : (container ?? node.type);
      out.push({ kind, text: inlineText(node) });
      return;
    }
    const inner = KIND_CONTAINERS.has(node.type) ? node.type : container;
    for (const child of node.content ?? []) walk(child, inner);
  };
  walk(doc, null);
  return out;
}

/** Longest-common-subsequence alignment of two sequences, as a list of same/added/removed steps. */
function align<T>(a: T[], b: T[], eq: (x: T, y: T) => boolean): { op: DiffOp; a?: T; b?: T }[] {
  let start = 0;
  while (start < a.length && start < b.length && eq(a[start]!, b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && eq(a[endA - 1]!, b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const head = a.slice(0, start).map((x, i) => ({ op: 'same' as const, a: x, b: b[i] }));
  const tail = a.slice(endA).map((x, i) => ({ op: 'same' as const, a: x, b: b[endB + i] }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  const middle: { op: DiffOp; a?: T; b?: T }[] = [];
  if (n * m > MAX_LCS_CELLS) {
    for (const x of midA) middle.push({ op: 'removed', a: x });
    for (const y of midB) middle.push({ op: 'added', b: y });
  } else {
    // lengths[i][j] = LCS of midA[i..] and midB[j..], in one flat array.
    const lengths = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * (m + 1) + j] = eq(midA[i]!, midB[j]!) ? lengths[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lengths[(i + 1) * (m + 1) + j]!, lengths[i * (m + 1) + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (eq(midA[i]!, midB[j]!)) middle.push({ op: 'same', a: midA[i++], b: midB[j++] });
      else if (lengths[(i + 1) * (m + 1) + j]! >= lengths[i * (m + 1) + j + 1]!) middle.push({ op: 'removed', a: midA[i++] });
      else middle.push({ op: 'added', b: midB[j++] });
    }
    while (i < n) middle.push({ op: 'removed', a: midA[i++] });
    while (j < m) middle.push({ op: 'added', b: midB[j++] });
  }
  return [...head, ...middle, ...tail];
}

/** Words and the spaces between them, so a diff of tokens joins back into the exact text. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Word-level difference of two strings, adjacent parts of the same kind merged. */
export function diffWords(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const step of align(tokens(before), tokens(after), (x, y) => x === y)) {
    const text = step.op === 'added' ? step.b! : step.a!;
    const last = parts[parts.length - 1];
    if (last && last.op === step.op) last.text += text;
    else parts.push({ op: step.op, text });
  }
  return parts;
}

/** Block-by-block difference between an older and a newer version of a document. */
export function diffDocuments(before: RichTextNode, after: RichTextNode): DiffBlock[] {
  const steps = align(textBlocks(before), textBlocks(after), (x, y) => x.text === y.text && x.kind === y.kind);
  const out: DiffBlock[] = [];
  for (let k = 0; k < steps.length; k++) {
    const step = steps[k]!;
    if (step.op === 'same') {
      out.push({ op: 'same', kind: step.b!.kind, parts: [{ op: 'same', text: step.b!.text }] });
      continue;
    }
    // A run of removed blocks followed by added ones: pair them up as edits of the same blocks.
    const removed: Block[] = [];
    const added: Block[] = [];
    while (k < steps.length && steps[k]!.op !== 'same') {
      const s = steps[k]!;
      if (s.op === 'removed') removed.push(s.a!);
      else added.push(s.b!);
      k++;
    }
    k--;
    // Pair each removed block with the most similar added one (in order): those were edited.
    const pairOf = new Map<number, number>();
    let from = 0;
    removed.forEach((r, i) => {
      let best = -1;
      let bestScore = 0.3;
      for (let j = from; j < added.length; j++) {
        const score = similarity(r.text, added[j]!.text);
        if (score > bestScore) [best, bestScore] = [j, score];
      }
      if (best >= 0) {
        pairOf.set(best, i);
        from = best + 1;
      }
    });
    let nextRemoved = 0;
    added.forEach((a, j) => {
      const i = pairOf.get(j);
      if (i === undefined) {
        // Removed blocks before the next edited one read better above this addition.
        const nextPaired = [...pairOf.entries()].filter(([pj]) => pj > j).map(([, pi]) => pi);
        const upTo = nextPaired.length ? Math.min(...nextPaired) : removed.length;
        for (; nextRemoved < upTo; nextRemoved++) out.push(removedBlock(removed[nextRemoved]!));
        out.push({ op: 'added', kind: a.kind, parts: [{ op: 'added', text: a.text }] });
        return;
      }
      for (; nextRemoved < i; nextRemoved++) out.push(removedBlock(removed[nextRemoved]!));
      nextRemoved = i + 1;
      out.push({ op: 'changed', kind: a.kind, parts: diffWords(removed[i]!.text, a.text) });
    });
    for (; nextRemoved < removed.length; nextRemoved++) out.push(removedBlock(removed[nextRemoved]!));
  }
  return out;
}

function removedBlock(b: Block): DiffBlock {
  return { op: 'removed', kind: b.kind, parts: [{ op: 'removed', text: b.text }] };
}

/** Share of words two blocks have in common (0…1). */
function similarity(a: string, b: string): number {
  const wa = new Set(a.toLowerCase().split(/\s+/).filter(Boolean));
  const wb = new Set(b.toLowerCase().split(/\s+/).filter(Boolean));
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.max(wa.size, wb.size);
}

/** How many words were added and removed, for a summary line. */
export function diffStats(blocks: DiffBlock[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  for (const b of blocks) for (const p of b.parts) if (p.op === 'added') added += words(p.text);
  else if (p.op === 'removed') removed += words(p.text);
  return { added, removed };
}
