/**
 * Measures the gazetteer's cities against Universal NER (English EWT dev and
 * test, /work/shared/nlp or --uner DIR): for each population threshold and
 * word filter, how many capitalized city matches in the text are places (LOC)
 * and how many are people, organizations or ordinary words. States and
 * capitals are left out: only the threshold and the filters are measured.
 *   node --import tsx scripts/measure-gazetteer.ts
 */
import { readFileSync } from "node:fs";
import { readInputs } from "./build-gazetteer.ts";
import { buildGazetteer, FILTERS } from "./gazetteer/build.ts";

type Sentence = Array<{ word: string; tag: string }>;

function readIob2(file: string): Sentence[] {
  const out: Sentence[] = [[]];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.startsWith("#")) continue;
    const cols = line.split("\t");
    if (cols.length < 3) {
      if (out[out.length - 1]!.length) out.push([]);
      continue;
    }
    out[out.length - 1]!.push({ word: cols[1]!, tag: cols[2]! });
  }
  return out.filter((s) => s.length);
}

const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : fallback);
const dir = arg("--uner", "/work/shared/nlp/uner-english-ewt");
const sentences = ["dev", "test"].flatMap((part) => readIob2(`${dir}/en_ewt-ud-${part}.iob2`));
const inputs = await readInputs();
const cap = (w: string | undefined) => !!w && /^\p{Lu}/u.test(w);

for (const minPopulation of [20_000, 50_000, 100_000, 200_000]) {
  for (const keepCommonNamesFrom of [0, 1_000_000, Infinity]) {
    const g = buildGazetteer(inputs, { ...FILTERS, minPopulation, keepCommonNamesFrom });
    const names = new Map<string, boolean>();
    for (const p of g.places) if (!p.capital) for (const a of p.aliases) names.set(a.toLowerCase(), true);
    let loc = 0, other = 0;
    const wrong = new Map<string, number>();
    for (const s of sentences) {
      for (let i = 0; i < s.length; i++) {
        for (let n = 3; n >= 1; n--) {
          const words = s.slice(i, i + n);
          if (words.length < n || !cap(words[0]!.word) || !names.has(words.map((w) => w.word).join(" ").toLowerCase())) continue;
          // The standalone rule of lexicon-mentions: a city joined to another capitalized word is part of a longer name.
          if (cap(s[i + n]?.word) || (i > 1 && cap(s[i - 1]?.word))) break;
          if (words.every((w) => w.tag.endsWith("LOC"))) loc++;
          else {
            other++;
            const k = `${words.map((w) => w.word).join(" ")}/${words[0]!.tag}`;
            wrong.set(k, (wrong.get(k) ?? 0) + 1);
          }
          i += n - 1;
          break;
        }
      }
    }
    const top = [...wrong].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k}×${v}`).join(" ");
    console.log(`min ${minPopulation} keepCommon≥${keepCommonNamesFrom}: ${g.places.length} places, ${loc} LOC, ${other} not (precision ${(loc / Math.max(1, loc + other)).toFixed(3)}) ${top}`);
  }
}
