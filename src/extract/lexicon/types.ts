/** The lexicon as the extractor sees it: entities, name/role tries, cues, stop lists. */
import type { NodeType } from "../../types.ts";
import type { PhraseTrie } from "./phrase-trie.ts";
import type { CompiledCue } from "../relations/cue-pattern.ts";

export interface LexEntity {
  id: string;
  name: string;
  type: NodeType;
  aliases: string[];
  /** Current affiliation known to the lexicon (used with a title in the text). */
  memberOf?: string;
  /** A building or seat that names a place as well as a body (the Kremlin). */
  place?: boolean;
  /** A state (from gazetteer.json): an organization when it acts, a location otherwise. */
  country?: boolean;
  demonym?: string;
  capitalId?: string | null;
  /** A city of the gazetteer: a name that may begin a longer name ("Victoria Nuland", "Washington Post"). */
  settlement?: boolean;
  /** For an armed-forces entity: the state it belongs to. */
  militaryOf?: string;
}

/** What a phrase in the text may stand for. */
export interface NameEntry {
  id: string;
  kind: "name" | "demonym" | "capital";
}

/** Proposal phrase vocabulary (heads.json "proposal"). */
export interface ProposalWords {
  heads: Set<string>;
  generic: Set<string>;
  selfSpecific: Set<string>;
  genericModifiers: Set<string>;
  demands: Set<string>;
  /** Verbs after which an act named by a verb is a proposal ("proposed exchanging prisoners"). */
  clauseVerbs: Set<string>;
  /** After a clause verb, acts of making something, which name the thing made ("forming three working groups"). */
  creationVerbs: Set<string>;
  /** Heads of a proposal's own capitalized name ("Pretoria Agreement", "Jeddah Declaration of …"). */
  documentNames: Set<string>;
  folds: Map<string, string>;
}

/** Head words of heads.json: what types an unknown name and finds proposal phrases. */
export interface HeadWords {
  organization: Set<string>;
  location: Set<string>;
  placeExtension: Set<string>;
  placeExtensionWords: Set<string>;
  actingCollectives: Set<string>;
  appositionOrganization: Set<string>;
  appositionPlace: Set<string>;
  government: Set<string>;
  placeAnaphora: Set<string>;
  /** Nouns of references to the two sides ("both sides", "the two leaders"). */
  groupNouns: Set<string>;
  directions: Set<string>;
  reportingVerbs: Set<string>;
  proposal: ProposalWords;
}

export interface Lexicon {
  entities: Map<string, LexEntity>;
  names: PhraseTrie<NameEntry>;
  roles: PhraseTrie<string>;
  honorifics: Set<string>;
  /** Every inflection of the proposal vocabulary's clause verbs ("proposed", "agrees", "offering"). */
  clauseVerbForms: Set<string>;
  /** Words a title may start with before its role word ("Strategic Affairs Minister", "High Representative"). */
  portfolioWords: Set<string>;
  former: Set<string>;
  militaryHeads: PhraseTrie<string>;
  heads: HeadWords;
  stopwords: Set<string>;
  headlineCapitalizedRatio: number;
  cues: CompiledCue[];
  /** Word classes of cues.json ({proposal}, {aid} …). */
  classes: Map<string, Set<string>>;
  /** State id → id of its synthesized armed-forces entity. */
  armedForces: Map<string, string>;
  /** Place or body id → the party whose seat it is (the White House → United States, Moscow → Russia). */
  seatOf: Map<string, string>;
  /** nameKey of every name and alias → entity id, so spelling variants find their entry. */
  nameKeys: Map<string, string>;
}
