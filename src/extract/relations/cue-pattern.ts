/**
 * Cue patterns of cues.json compiled into token matchers. '~verb' expands to every
 * inflection of the verb (spelling rules and the forms the treebanks attest, see
 * src/nlp/inflect.ts); '{class}' is any word of a class; '?word' is optional; '[n]'
 * skips up to n words (never across punctuation).
 */
import type { Token } from "../tokens.ts";
import { inflections } from "../../nlp/inflect.ts";
import { attestedVerbForms } from "../../nlp/pipeline.ts";

export interface CueSpec {
  type: string;
  pattern: string;
  frame: string;
  /** Node types the cue's target may have, when narrower than its edge type's ("welcomed the deal" vs "welcomed Zelensky"). */
  targets?: string[];
  /** The type to use when the parties are not known to stand on different sides ("met": negotiated across sides, a meeting otherwise). */
  unlessSides?: string;
}

type Element =
  | { kind: "words"; words: Set<string>; optional: boolean }
  | { kind: "skip"; max: number };

export interface CompiledCue {
  id: string;
  type: string;
  frame: string;
  pattern: string;
  elements: Element[];
  /** The cue begins with a verb (so a passive 'was Xed by' can be recognised). */
  verbal: boolean;
  /** Target node types allowed, when the cue narrows its edge type's. */
  targets?: ReadonlySet<string>;
  unlessSides?: string;
}

export interface CueMatch {
  cue: CompiledCue;
  start: number;
  end: number;
}

export function compileCue(spec: CueSpec, index: number, classes: Map<string, Set<string>>): CompiledCue {
  const elements: Element[] = spec.pattern.split(/\s+/).map((part): Element => {
    const skip = /^\[(\d+)\]$/.exec(part);
    if (skip) return { kind: "skip", max: Number(skip[1]) };
    const optional = part.startsWith("?");
    const body = optional ? part.slice(1) : part;
    if (body.startsWith("~")) return { kind: "words", words: new Set(inflections(body.slice(1), attestedVerbForms())), optional };
    const cls = /^\{(\w+)\}$/.exec(body);
    if (cls) {
      const set = classes.get(cls[1]!);
      if (!set) throw new Error(`cues.json: pattern "${spec.pattern}" names unknown class {${cls[1]}}`);
      return { kind: "words", words: new Set([...set].flatMap((w) => w.split(" "))), optional };
    }
    return { kind: "words", words: new Set([body.toLowerCase()]), optional };
  });
  return {
    id: `cue:${spec.type}:${spec.pattern}`,
    type: spec.type,
    frame: spec.frame,
    pattern: spec.pattern,
    elements,
    verbal: spec.pattern.startsWith("~"),
    ...(spec.targets ? { targets: new Set(spec.targets) } : {}),
    ...(spec.unlessSides ? { unlessSides: spec.unlessSides } : {}),
  };
}

const PUNCT = /^[^\p{L}\p{N}]+$/u;

function matchFrom(elements: Element[], e: number, tokens: readonly Token[], i: number): number {
  if (e === elements.length) return i;
  const el = elements[e]!;
  if (el.kind === "skip") {
    for (let n = 0; n <= el.max; n++) {
      if (n > 0 && (i + n - 1 >= tokens.length || PUNCT.test(tokens[i + n - 1]!.text))) break;
      const end = matchFrom(elements, e + 1, tokens, i + n);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (i < tokens.length && el.words.has(tokens[i]!.lower)) {
    const end = matchFrom(elements, e + 1, tokens, i + 1);
    if (end >= 0) return end;
  }
  return el.optional ? matchFrom(elements, e + 1, tokens, i) : -1;
}

/** Where a match of `cue` that begins at token i ends, or -1 (i itself: nothing matched). */
export function cueEndAt(cue: CompiledCue, tokens: readonly Token[], i: number): number {
  return matchFrom(cue.elements, 0, tokens, i);
}

/**
 * The words a match of `elements` can begin with, or null when it can begin
 * with any word (a skip before the first required word).
 */
function firstWords(elements: readonly Element[]): Set<string> | null {
  const words = new Set<string>();
  for (const el of elements) {
    if (el.kind === "skip") return null;
    for (const w of el.words) words.add(w);
    if (!el.optional) break;
  }
  return words;
}

/**
 * Which cues can match at a word, in cue order: trying every cue at every
 * token was a tenth of extraction's time, and most cues begin with one verb's
 * forms. Built once per cue list; its size is the cues' first words, whatever
 * text it reads.
 */
class CueIndex {
  private readonly byWord = new Map<string, readonly CompiledCue[]>();
  /** Cues that may begin anywhere: all a word no cue begins with needs trying. */
  private readonly anywhere: readonly CompiledCue[];

  constructor(cues: readonly CompiledCue[]) {
    const ids = new Map<string, number[]>();
    const anywhere: number[] = [];
    cues.forEach((cue, k) => {
      const words = firstWords(cue.elements);
      if (!words) return void anywhere.push(k);
      for (const w of words) {
        const list = ids.get(w);
        if (list) list.push(k);
        else ids.set(w, [k]);
      }
    });
    const inOrder = (list: number[]) => [...list, ...anywhere].sort((a, b) => a - b).map((k) => cues[k]!);
    for (const [w, list] of ids) this.byWord.set(w, inOrder(list));
    this.anywhere = inOrder([]);
  }

  /** The cues to try at a token whose lower-case text is `word`, in the order of the cue list. */
  at(word: string): readonly CompiledCue[] {
    return this.byWord.get(word) ?? this.anywhere;
  }
}

const indexes = new WeakMap<readonly CompiledCue[], CueIndex>();

/** Every cue occurrence in the sentence (several cues may match at one place), by position, then in cue order. */
export function findCues(cues: readonly CompiledCue[], tokens: readonly Token[]): CueMatch[] {
  let index = indexes.get(cues);
  if (!index) indexes.set(cues, (index = new CueIndex(cues)));
  const out: CueMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const cue of index.at(tokens[i]!.lower)) {
      const end = cueEndAt(cue, tokens, i);
      if (end > i) out.push({ cue, start: i, end });
    }
  }
  return out;
}
