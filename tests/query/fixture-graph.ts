/**
 * A hand-built graph mirroring the seed graph's shapes (node types, aliases,
 * symmetric and directed edge types, evidence on every edge), so the query tests
 * do not depend on what extraction currently produces.
 */
import { MultiDirectedGraph } from "graphology";
import { EDGE_TYPE_BY_ID } from "../../src/ontology.ts";
import type { ParleyGraph } from "../../src/graph/persist.ts";
import type { NodeType } from "../../src/types.ts";

const NODES: Array<[string, string, NodeType, string[]]> = [
  ["marco-rubio", "Marco Rubio", "actor", ["Rubio", "Mr. Rubio", "Secretary of State Marco Rubio"]],
  ["vladimir-putin", "Vladimir Putin", "actor", ["Putin", "Mr. Putin", "President Vladimir V. Putin"]],
  ["donald-trump", "Donald Trump", "actor", ["Trump", "President Trump"]],
  ["volodymyr-zelensky", "Volodymyr Zelensky", "actor", ["Zelensky", "Zelenskyy", "President Zelensky"]],
  ["steve-witkoff", "Steve Witkoff", "actor", ["Witkoff", "Steven Witkoff"]],
  ["sergey-lavrov", "Sergey Lavrov", "actor", ["Lavrov"]],
  ["dmitry-peskov", "Dmitry Peskov", "actor", ["Peskov", "Dmitri S. Peskov"]],
  ["russia", "Russia", "organization", ["Moscow", "Russian"]],
  ["ukraine", "Ukraine", "organization", ["Kyiv", "Ukrainian"]],
  ["united-states", "United States", "organization", ["U.S.", "Washington"]],
  ["kremlin", "Kremlin", "organization", ["the Kremlin"]],
  ["ceasefire-30-day", "30-day cease-fire proposal", "proposal", ["30-day cease-fire", "cease-fire proposal"]],
  ["kursk-region", "Kursk region", "location", ["Kursk"]],
  ["sudzha", "Sudzha", "location", ["Suju"]],
  ["jeddah", "Jeddah", "location", []],
  ["kyiv-city", "Kyïv city", "location", []],
];

const EDGES: Array<[string, string, string, string]> = [
  ["marco-rubio", "member_of", "united-states", "Secretary of State Marco Rubio said the United States would act."],
  ["marco-rubio", "negotiated_with", "ukraine", "Marco Rubio held talks with the Ukrainian delegation in Jeddah."],
  ["marco-rubio", "visited", "jeddah", "Rubio arrived in Jeddah on Monday."],
  ["marco-rubio", "met_with", "sergey-lavrov", "Rubio met Sergey Lavrov in Riyadh."],
  ["sergey-lavrov", "member_of", "russia", "Russian Foreign Minister Sergey Lavrov spoke."],
  ["dmitry-peskov", "member_of", "kremlin", "Dmitry Peskov, the Kremlin spokesman, said."],
  ["kremlin", "rejected", "ceasefire-30-day", "The Kremlin dismissed the 30-day cease-fire proposal."],
  ["russia", "rejected", "ceasefire-30-day", "Russia rejected the cease-fire proposal."],
  ["ukraine", "supported", "ceasefire-30-day", "Ukraine said it would support the 30-day cease-fire proposal."],
  ["united-states", "proposed", "ceasefire-30-day", "The United States put forward a 30-day cease-fire proposal."],
  ["vladimir-putin", "member_of", "kremlin", "President Vladimir V. Putin spoke at the Kremlin."],
  ["vladimir-putin", "considered", "ceasefire-30-day", "Mr. Putin said he would consider the cease-fire."],
  ["donald-trump", "negotiated_with", "vladimir-putin", "Trump held a phone call with Putin about a cease-fire."],
  ["steve-witkoff", "met_with", "vladimir-putin", "Witkoff met Putin in Moscow."],
  ["steve-witkoff", "negotiated_with", "russia", "Witkoff held talks with Russian officials."],
  ["donald-trump", "criticized", "volodymyr-zelensky", "Trump berated Zelensky in the Oval Office."],
  ["volodymyr-zelensky", "member_of", "ukraine", "President Zelensky of Ukraine said."],
  ["russia", "captured", "sudzha", "Russia recaptured Sudzha."],
  ["sudzha", "located_in", "kursk-region", "Sudzha in the Kursk region."],
  ["kursk-region", "located_in", "russia", "the Kursk region of Russia"],
  ["russia", "attacked", "kyiv-city", "Russia launched drones at Kyïv."],
  ["united-states", "suspended_aid_to", "ukraine", "The United States paused military aid to Ukraine."],
  ["united-states", "aided", "ukraine", "The United States resumed intelligence sharing with Ukraine."],
  ["united-states", "negotiated_with", "ukraine", "The United States and Ukraine held talks."],
];

export function fixtureGraph(): ParleyGraph {
  const g: ParleyGraph = new MultiDirectedGraph();
  g.replaceAttributes({ name: "fixture", articles: [] });
  NODES.forEach(([key, label, type, aliases], i) =>
    g.addNode(key, { label, type, aliases: [label, ...aliases], mentions: 10 - (i % 5), articles: ["a1"], x: i, y: -i, size: 5, color: "#000" }),
  );
  for (const [source, type, target, sentence] of EDGES) {
    const evidence = [{ article: "a1", sentence, quote: sentence.split(" ").slice(1, 3).join(" "), rule: `rule-${type}`, sentenceIndex: 0 }];
    g.addDirectedEdgeWithKey(`${source}|${type}|${target}`, source, target, {
      type,
      label: EDGE_TYPE_BY_ID.get(type)!.label,
      weight: 1,
      evidence,
      firstSeen: "2025-03-11",
      lastSeen: "2025-03-11",
    });
  }
  return g;
}
