/**
 * Distinct, plausible news articles for live-ingest runs: known negotiators and
 * invented envoys meeting, proposing and rejecting in real cities. Each (seed, n)
 * gives a different title, so no post is refused as already ingested, and
 * invented names make every ingest add nodes, not only strengthen edges.
 */
import { seededRandom } from "./random.ts";

const KNOWN = ["Marco Rubio", "Sergei Lavrov", "Steve Witkoff", "Volodymyr Zelensky", "Vladimir Putin", "Yuri Ushakov", "Andriy Yermak", "Dmitry Peskov"];
const CITIES = ["Vienna", "Geneva", "Istanbul", "Riyadh", "Helsinki", "Doha", "Oslo", "Ankara"];
const ORGS = ["the United Nations", "the European Union", "NATO", "the Kremlin"];
const FIRST = ["Helga", "Tobias", "Ingrid", "Matteo", "Anouk", "Rasmus", "Leonie", "Oskar", "Mirela", "Jonas"];
const SYLLABLES = ["mar", "ro", "wen", "quel", "dra", "fis", "tan", "bel", "kor", "vi", "len", "dor"];

export interface GeneratedArticle {
  title: string;
  published: string;
  outlet: string;
  text: string;
}

export function generatedArticle(seed: number, n: number): GeneratedArticle {
  const random = seededRandom((seed * 1_000_003 + n) | 0);
  const surname = () => {
    const s = Array.from({ length: 2 + random.int(2) }, () => random.pick(SYLLABLES)).join("");
    return s[0]!.toUpperCase() + s.slice(1);
  };
  const envoy = `${random.pick(FIRST)} ${surname()}field`;
  const [a, b] = [random.pick(KNOWN), random.pick(KNOWN.filter((k) => k !== KNOWN[0]))];
  const city = random.pick(CITIES);
  const org = random.pick(ORGS);
  const points = 3 + random.int(25);
  const month = String(1 + random.int(12)).padStart(2, "0");
  const day = String(1 + random.int(28)).padStart(2, "0");
  const text = [
    `Special envoy ${envoy} met with ${a} in ${city} on Tuesday.`,
    `${a} rejected the ${points}-point cease-fire proposal presented by ${envoy}.`,
    `${b} said ${org} backed the ${points}-point cease-fire proposal.`,
    `${envoy} negotiated with ${b} for six hours, according to officials in ${city}.`,
  ].join(" ");
  return { title: `Round ${seed}-${n}: ${envoy} in ${city}`, published: `2025-${month}-${day}`, outlet: "Parley soak wire", text };
}
