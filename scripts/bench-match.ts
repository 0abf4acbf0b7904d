/**
 * Owner-matching benchmark: `npm run bench:match [-- PAIRS.jsonl]`.
 * Runs the CLI's line logic in-process over the labelled dev pairs (default ../shared/benchmarks/match/dev.jsonl
 * from the repo root) and prints, per slice (sliced like the benchmark's score.py), ROC-AUC, false-accept rate
 * (negatives decided match), false-reject rate (positives decided mismatch), review rate and throughput, next to a
 * naive baseline measured in the same run: one fuse.js score per field on whole strings, 0.6 name + 0.4 address,
 * bands 70/50. Pairs labelled null (ambiguous) are counted in their slice's review rate and reported apart.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Fuse from "fuse.js";
import { parsePolicy } from "../worker/match/index";
import { isLineError, processLine } from "../worker/match/jsonl";

interface Pair {
  id: string;
  slice: string;
  label: 0 | 1 | null;
  applicant: {
    name: string;
    address: Record<string, string | null> | null;
  };
  owners: Array<{ name: string | null; raw_address: string | null }>;
}

interface Answer {
  score: number;
  decision: string;
}

const REPO_ROOT = path.resolve(import.meta.dirname, "..");
const DEFAULT_PAIRS = path.resolve(REPO_ROOT, "../shared/benchmarks/match/dev.jsonl");
const RUNS = 7;
// Untimed rounds first, for both: the timed runs measure code the JIT has compiled, as in a long-lived Worker
// isolate. The first (cold) run is still reported on its own.
const WARMUP_RUNS = 2;

// The naive baseline: whole-string fuse.js similarity per field.
function fuseSimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const hit = new Fuse([b], { includeScore: true, ignoreLocation: true, threshold: 1 }).search(a)[0];
  return hit ? 1 - (hit.score ?? 1) : 0;
}

function baselineLine(line: string): Answer {
  const p = JSON.parse(line) as Pair;
  const a = p.applicant.address ?? {};
  const applicantAddress = [a.line1, a.line2, a.city, a.state, a.postal_code].filter((v) => v).join(" ");
  let best = 0;
  for (const o of p.owners) {
    const name = fuseSimilarity(p.applicant.name, o.name ?? "");
    const address = fuseSimilarity(applicantAddress, o.raw_address ?? "");
    best = Math.max(best, 100 * (0.6 * name + 0.4 * address));
  }
  const score = Math.round(best);
  return { score, decision: score >= 70 ? "match" : score >= 50 ? "review" : "mismatch" };
}

let errorLines = 0;

function oursLine(line: string): Answer {
  const answer = processLine(line);
  if (answer === null || isLineError(answer)) {
    errorLines++;
    return { score: 0, decision: "mismatch" };
  }
  // Only what the metrics read is kept, as the CLI writes each answer out and lets it go; holding every run's full
  // answers would make the timing pay for garbage collection the CLI never does.
  return { score: answer.score, decision: answer.decision };
}

/** ROC-AUC with ties counted half (same as score.py). */
function auc(pos: number[], neg: number[]): number {
  if (pos.length === 0 || neg.length === 0) return Number.NaN;
  const all = [...pos.map((v) => [v, 1] as const), ...neg.map((v) => [v, 0] as const)].sort((x, y) => x[0] - y[0]);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && (all[j] as readonly [number, number])[0] === (all[i] as readonly [number, number])[0]) j++;
    const avg = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if ((all[k] as readonly [number, number])[1] === 1) rankSum += avg;
    i = j;
  }
  return (rankSum - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

interface Group {
  pos: number[];
  neg: number[];
  decPos: string[];
  decNeg: string[];
  amb: string[];
}

function slices(pairs: Pair[], answers: Answer[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  const group = (name: string) => {
    let g = groups.get(name);
    if (!g) {
      g = { pos: [], neg: [], decPos: [], decNeg: [], amb: [] };
      groups.set(name, g);
    }
    return g;
  };
  const add = (g: Group, p: Pair, a: Answer) => {
    if (p.label === 1) {
      g.pos.push(a.score);
      g.decPos.push(a.decision);
    } else if (p.label === 0) {
      g.neg.push(a.score);
      g.decNeg.push(a.decision);
    } else g.amb.push(a.decision);
  };
  pairs.forEach((p, i) => {
    const a = answers[i] as Answer;
    const source = p.slice.split("/")[0] as string;
    add(group("ALL"), p, a);
    add(group(source), p, a);
    add(group(p.slice), p, a);
    if (p.label === 0) add(group(`${source}/negatives`), p, a);
  });
  return new Map([...groups.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

interface Row {
  n: number;
  auc: number;
  far: number;
  frr: number;
  review: number;
}

function metrics(g: Group, allPositives: number[]): Row {
  const rate = (list: string[], d: string) =>
    list.length ? (100 * list.filter((x) => x === d).length) / list.length : Number.NaN;
  const decisions = [...g.decPos, ...g.decNeg, ...g.amb];
  return {
    n: g.pos.length + g.neg.length + g.amb.length,
    // Negative-only slices are ranked against all positives, as in score.py.
    auc: auc(g.pos.length ? g.pos : allPositives, g.neg),
    far: rate(g.decNeg, "match"),
    frr: rate(g.decPos, "mismatch"),
    review: rate(decisions, "review"),
  };
}

interface Timing {
  answers: Answer[];
  wall: number;
  cpu: number;
  firstWall: number;
}

const ONE_CORE = process.execArgv.includes("--single-threaded");

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;

/**
 * Runs ours and the baseline over every line, alternately, RUNS times each, so a change of machine load hits both
 * alike; the ratio is the median of the per-round ratios. Throughput is reported two ways: wall clock, and CPU time
 * of this process (user + system), which is what "pairs per second on one core" means on a busy machine.
 * `npm run bench:match` runs Node with --single-threaded (V8's garbage collector and compilers on the main thread
 * too), so the process uses one core and both figures are that core's.
 */
function timeAlternately(
  lines: string[],
  fns: { ours: (line: string) => Answer; naive: (line: string) => Answer },
): { ours: Timing; naive: Timing; ratio: number } {
  const samples = {
    ours: { wall: [] as number[], cpu: [] as number[] },
    naive: { wall: [] as number[], cpu: [] as number[] },
  };
  const answers: Record<"ours" | "naive", Answer[]> = { ours: [], naive: [] };
  const cold = { ours: 0, naive: 0 };
  for (let run = 0; run < WARMUP_RUNS; run++) {
    for (const name of ["ours", "naive"] as const) {
      const start = performance.now();
      lines.map(fns[name]);
      if (run === 0) cold[name] = lines.length / ((performance.now() - start) / 1000);
    }
  }
  for (let run = 0; run < RUNS; run++) {
    for (const name of ["ours", "naive"] as const) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      answers[name] = lines.map(fns[name]);
      const used = process.cpuUsage(startCpu);
      samples[name].wall.push(lines.length / ((performance.now() - start) / 1000));
      samples[name].cpu.push(lines.length / ((used.user + used.system) / 1e6));
    }
  }
  const timing = (name: "ours" | "naive"): Timing => ({
    answers: answers[name],
    wall: median(samples[name].wall),
    cpu: median(samples[name].cpu),
    firstWall: cold[name],
  });
  const ratio = median(samples.ours.cpu.map((x, i) => x / (samples.naive.cpu[i] as number)));
  return { ours: timing("ours"), naive: timing("naive"), ratio };
}

const fmt = (v: number, digits: number, width: number) => (Number.isNaN(v) ? "-" : v.toFixed(digits)).padStart(width);

function main(): void {
  const file = path.resolve(process.cwd(), process.argv[2] ?? DEFAULT_PAIRS);
  if (!existsSync(file)) {
    console.log(`bench:match skipped: ${file} not found (pass a PAIRS.jsonl path to run it)`);
    return;
  }
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim().length > 0);
  const pairs = lines.map((l) => JSON.parse(l) as Pair);
  const { ours, naive, ratio } = timeAlternately(lines, { ours: oursLine, naive: baselineLine });
  const errorsPerRun = errorLines / (WARMUP_RUNS + RUNS);
  const oursSlices = slices(pairs, ours.answers);
  const naiveSlices = slices(pairs, naive.answers);
  const allPosOurs = oursSlices.get("ALL")?.pos ?? [];
  const allPosNaive = naiveSlices.get("ALL")?.pos ?? [];

  console.log(`pairs: ${file} (${pairs.length} lines, ${RUNS} timed runs each)`);
  if (errorsPerRun > 0) console.log(`WARNING: ${errorsPerRun} lines answered with an error (counted as mismatch)`);
  console.log("");
  const head = `${"slice".padEnd(38)} ${"n".padStart(5)} | ${"AUC".padStart(6)} ${"FAR%".padStart(6)} ${"FRR%".padStart(6)} ${"rev%".padStart(6)} | ${"naive AUC".padStart(9)} ${"FAR%".padStart(6)} ${"FRR%".padStart(6)} ${"rev%".padStart(6)}`;
  console.log(head);
  console.log("-".repeat(head.length));
  for (const [name, g] of oursSlices) {
    const o = metrics(g, allPosOurs);
    const b = metrics(naiveSlices.get(name) as Group, allPosNaive);
    console.log(
      `${name.padEnd(38)} ${String(o.n).padStart(5)} | ${fmt(o.auc, 4, 6)} ${fmt(o.far, 2, 6)} ${fmt(o.frr, 2, 6)} ${fmt(o.review, 2, 6)} | ${fmt(b.auc, 4, 9)} ${fmt(b.far, 2, 6)} ${fmt(b.frr, 2, 6)} ${fmt(b.review, 2, 6)}`,
    );
  }
  // Headline over labelled pairs only (ambiguous pairs excluded from the review rate), as score.py's last line.
  const headline = (g: Group, allPos: number[]) => {
    const labelled: Group = { ...g, amb: [] };
    return metrics(labelled, allPos);
  };
  const all = oursSlices.get("ALL") as Group;
  const h = headline(all, allPosOurs);
  const hb = headline(naiveSlices.get("ALL") as Group, allPosNaive);
  console.log("");
  console.log(
    `headline (labelled pairs): ours AUC=${h.auc.toFixed(4)} FAR=${h.far.toFixed(2)}% FRR=${h.frr.toFixed(2)}% review=${h.review.toFixed(2)}%` +
      ` | naive AUC=${hb.auc.toFixed(4)} FAR=${hb.far.toFixed(2)}% FRR=${hb.frr.toFixed(2)}% review=${hb.review.toFixed(2)}%`,
  );
  // The same pairs under the stricter policy a business may choose, which sends changed surnames to a person
  // (accuracy only, untimed).
  const strict = parsePolicy({ surname_change: "review" });
  const strictAnswers = lines.map((line) => {
    const answer = processLine(line, strict);
    return answer === null || isLineError(answer) ? { score: 0, decision: "mismatch" } : answer;
  });
  const ha = headline(slices(pairs, strictAnswers).get("ALL") as Group, allPosOurs);
  console.log(
    `with MATCH_POLICY {"surname_change":"review"}: AUC=${ha.auc.toFixed(4)} FAR=${ha.far.toFixed(2)}% FRR=${ha.frr.toFixed(2)}% review=${ha.review.toFixed(2)}%`,
  );
  const amb = all.amb;
  if (amb.length > 0) {
    const count = (d: string) => amb.filter((x) => x === d).length;
    console.log(
      `ambiguous (label null, reported apart): ${amb.length} pairs → match ${count("match")}, review ${count("review")}, mismatch ${count("mismatch")}`,
    );
  }
  const rate = (x: number) => Math.round(x).toLocaleString("en-US");
  console.log(
    `throughput, pairs/s (median of ${RUNS} runs after ${WARMUP_RUNS} untimed ones, ${ONE_CORE ? "one core: V8 single-threaded" : "V8 background threads on"}): ours ${rate(ours.cpu)} per CPU-second, ${rate(ours.wall)} wall-clock` +
      ` (first, cold run ${rate(ours.firstWall)}) | naive ${rate(naive.cpu)} per CPU-second, ${rate(naive.wall)} wall-clock` +
      ` | ours/naive ${ratio.toFixed(2)}x (median of per-round ratios, runs alternated)`,
  );
}

main();
