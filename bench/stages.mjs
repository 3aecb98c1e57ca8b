// Where the full pipeline's time goes: one `full` case run under `node --cpu-prof`, each sample of the
// profile given to the innermost pipeline stage on its stack. Started by bench/run.mjs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The stages, by the name of the function that does each in the built package (tsup keeps names).
 * Innermost wins: a remedy made again while a cap reduces it counts as making remedies.
 */
export const STAGES = [
  ['readUntrusted', 'hostile-input walk and copy'],
  ['crossFieldProblems', 'validation: cross-field checks'],
  ['safeParseComplaint', 'validation: zod schema'],
  // The pipeline judges a complaint with factsOf (toFacts is the public wrapper it does not call).
  ['factsOf', 'scores and facts'],
  ['evaluate', 'rules (compiled evaluator)'],
  ['materialise', 'remedies: made and priced'],
  ['applyCaps', 'caps'],
  ['decideHandling', 'handling'],
  ['composeRationale', 'rationale (Intl text)'],
  // runNow: the pipeline's run, whole and synchronous with the compiled evaluator. (Before it, `run`
  // awaited the rules and the rest of the decision ran on a stack of its own, counted as "everything else".)
  ['runNow', 'the rest of recommend: selecting, assembling, money, trace'],
];

/** Shares of the profiled process's CPU time per stage, plus garbage collection and everything else. */
export function profileStages(caseScript, spec) {
  const dir = mkdtempSync(join(tmpdir(), 'redress-bench-prof-'));
  try {
    execFileSync(
      process.execPath,
      ['--cpu-prof', `--cpu-prof-dir=${dir}`, caseScript, JSON.stringify(spec)],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('no CPU profile was written');
    return shares(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function shares(profile) {
  const parent = new Map();
  const byId = new Map();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const ours = (node) => /\/dist\/[^/]+\.js$/.test(node.callFrame.url);
  const stageOf = new Map();
  const classify = (id) => {
    if (stageOf.has(id)) return stageOf.get(id);
    const node = byId.get(id);
    let stage;
    if (node.callFrame.functionName === '(garbage collector)') stage = 'gc';
    else if (node.callFrame.functionName === '(idle)') stage = 'idle';
    else if (ours(node) && STAGES.some(([name]) => name === node.callFrame.functionName))
      stage = node.callFrame.functionName;
    else stage = parent.has(id) ? classify(parent.get(id)) : 'other';
    stageOf.set(id, stage);
    return stage;
  };
  const time = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const stage = classify(id);
    if (stage === 'idle') return;
    const dt = profile.timeDeltas[i] ?? 0;
    time.set(stage, (time.get(stage) ?? 0) + dt);
    total += dt;
  });
  return Object.fromEntries([...time].map(([stage, t]) => [stage, t / total]));
}
