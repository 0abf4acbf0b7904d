/**
 * Owner matching from the command line: `npm run --silent match -- FILE.jsonl` (or `-` / no file for stdin).
 * Each input line `{ id, applicant, owners }` gives one output line `{ id, score, decision, fields, reasons }`, in
 * order, on stdout; a bad line gives `{ id, error: { message } }` there and a note on stderr, and the run goes on.
 * `--policy '{"thresholds":{"match":85}}'` overrides the default decision policy.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { DEFAULT_POLICY, type MatchPolicy, parsePolicy } from "../worker/match/index";
import { isLineError, processLine } from "../worker/match/jsonl";

function parseArgs(argv: string[]): { file: string | null; policy: MatchPolicy } {
  let file: string | null = null;
  let policy = DEFAULT_POLICY;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--policy") policy = parsePolicy(argv[++i] ?? "");
    else if (arg.startsWith("--policy=")) policy = parsePolicy(arg.slice("--policy=".length));
    else if (arg === "-h" || arg === "--help") {
      process.stderr.write("usage: npm run --silent match -- [--policy JSON] [FILE.jsonl | -]\n");
      process.exit(0);
    } else file = arg;
  }
  return { file: file === "-" ? null : file, policy };
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`match: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const input = args.file ? createReadStream(args.file, "utf8") : process.stdin;
  input.on("error", (error: Error) => {
    process.stderr.write(`match: cannot read ${args.file}: ${error.message}\n`);
    process.exit(2);
  });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let buffer = "";
  for await (const line of lines) {
    lineNumber++;
    const answer = processLine(line, args.policy);
    if (answer === null) continue;
    if (isLineError(answer)) {
      process.stderr.write(`match: line ${lineNumber} (id ${JSON.stringify(answer.id)}): ${answer.error.message}\n`);
    }
    buffer += `${JSON.stringify(answer)}\n`;
    if (buffer.length > 1 << 16) {
      if (!process.stdout.write(buffer)) await new Promise((resolve) => process.stdout.once("drain", resolve));
      buffer = "";
    }
  }
  process.stdout.write(buffer);
}

await main();
