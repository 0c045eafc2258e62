/**
 * Saving and loading the tagger, the parser and the labeler as model files
 * (see model-file.ts). Each file says what it holds in its header; loading a
 * file of the wrong kind, a truncated or a corrupt one fails with a
 * ModelFileError that names the file.
 */
import { encodeModel, readModelFile, section, ModelFileError, type ModelContents, type SectionArray } from "./model-file.ts";
import { LinearModel } from "./linear/linear-model.ts";
import { Tagger } from "./tagger/tagger.ts";
import { Parser } from "./parser/parser.ts";
import { Labeler } from "./labeler/labeler.ts";
import { ACTIONS } from "./parser/state.ts";

function getter(contents: ModelContents, file: string) {
  return <T>(name: string, ctor: new (...a: never[]) => T): T => section(contents, file, name, ctor as never) as T;
}

function stringList(contents: ModelContents, file: string, key: string): string[] {
  const v = contents.meta[key];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw new ModelFileError(file, `lacks the ${key} list in its header`);
  return v as string[];
}

function pairsMap(keys: Uint32Array, values: Uint32Array, file: string): Map<number, number> {
  if (keys.length !== values.length) throw new ModelFileError(file, "has a key table and a value table of different lengths");
  const out = new Map<number, number>();
  for (let i = 0; i < keys.length; i++) out.set(keys[i]!, values[i]!);
  return out;
}

export function saveTagger(tagger: Tagger, meta: Record<string, unknown>): Buffer {
  const keys = Uint32Array.from(tagger.ambiguity.keys());
  const values = Uint32Array.from(tagger.ambiguity.values());
  const dictionary = { "dictionary.keys": Uint32Array.from(tagger.dictionary.keys()), "dictionary.values": Uint32Array.from(tagger.dictionary.values()) };
  return encodeModel("tagger", { ...meta, classes: tagger.classes }, { ...tagger.model.toSections("model"), "ambiguity.keys": keys, "ambiguity.values": values, ...dictionary } as Record<string, SectionArray>);
}

export function loadTagger(file: string): Tagger {
  const contents = readModelFile(file, "tagger");
  const classes = stringList(contents, file, "classes");
  const get = getter(contents, file);
  const model = LinearModel.fromSections(classes.length, get, "model");
  const keys = get("ambiguity.keys", Uint32Array);
  const values = get("ambiguity.values", Uint32Array);
  const ambiguity = pairsMap(keys, values, file);
  return new Tagger(classes, model, ambiguity, pairsMap(get("dictionary.keys", Uint32Array), get("dictionary.values", Uint32Array), file));
}

export function saveParser(parser: Parser, labeler: Labeler, meta: Record<string, unknown>): Buffer {
  return encodeModel("parser", { ...meta, labels: labeler.labels }, { ...parser.model.toSections("transitions"), ...labeler.model.toSections("labels") } as Record<string, SectionArray>);
}

export function loadParser(file: string): { parser: Parser; labeler: Labeler } {
  const contents = readModelFile(file, "parser");
  const labels = stringList(contents, file, "labels");
  if (!labels.includes("root")) throw new ModelFileError(file, "has no root label");
  const get = getter(contents, file);
  return {
    parser: new Parser(LinearModel.fromSections(ACTIONS, get, "transitions")),
    labeler: new Labeler(labels, LinearModel.fromSections(labels.length, get, "labels")),
  };
}
