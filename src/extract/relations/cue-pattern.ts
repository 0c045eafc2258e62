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

/** Every cue occurrence in the sentence (several cues may match at one place). */
export function findCues(cues: readonly CompiledCue[], tokens: readonly Token[]): CueMatch[] {
  const out: CueMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const cue of cues) {
      const end = matchFrom(cue.elements, 0, tokens, i);
      if (end > i) out.push({ cue, start: i, end });
    }
  }
  return out;
}
