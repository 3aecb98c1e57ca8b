// One benchmark case, run in a process of its own (so that its peak memory is its own, and no other
// case's code shapes the JIT's view of it). Prints one JSON line. Started by bench/run.mjs.
import { availableParallelism } from 'node:os';
import { complaintStream, complaints, ruleSet } from './workload.mjs';

const spec = JSON.parse(process.argv[2]);
const ROUNDS = spec.rounds ?? 5;
const ROUND_MS = spec.roundMs ?? 400;
/** Warm-up: the JIT needs many thousands of calls before the pipeline runs at full speed. */
const WARM_MS = spec.warmMs ?? 3_000;
const WARM_CALLS = spec.warmCalls ?? 20_000;
const LATENCY_SAMPLES = spec.latencySamples ?? 20_000;
const LATENCY_MS = spec.latencyMs ?? 3_000;
const CORPUS = spec.corpus ?? 2_000;

const now = () => process.hrtime.bigint();
const ms = (t0) => Number(now() - t0) / 1e6;

/** Throughput (median of rounds) and per-call latency of `call` over the corpus, after a warm-up. */
async function sequential(call, corpus, isAsync) {
  const len = corpus.length;
  let i = 0;
  const warm = now();
  while (ms(warm) < WARM_MS && i < WARM_CALLS) {
    for (let k = 0; k < 64; k++) {
      const r = call(corpus[i++ % len]);
      if (isAsync) await r;
    }
  }
  const rates = [];
  const cpuRates = [];
  for (let round = 0; round < ROUNDS; round++) {
    let n = 0;
    const t0 = now();
    const c0 = process.cpuUsage();
    do {
      for (let k = 0; k < 64; k++) {
        const r = call(corpus[i++ % len]);
        if (isAsync) await r;
      }
      n += 64;
    } while (ms(t0) < ROUND_MS);
    const cpu = process.cpuUsage(c0);
    rates.push(n / (ms(t0) / 1000));
    // Per second of this process's CPU time: what a busy machine's wall clock hides.
    cpuRates.push(n / ((cpu.user + cpu.system) / 1e6));
  }
  // Latency: one timer per call, up to LATENCY_SAMPLES calls or LATENCY_MS, whichever comes first.
  const all = new Float64Array(LATENCY_SAMPLES);
  let taken = 0;
  const started = now();
  while (taken < LATENCY_SAMPLES && (taken < 200 || ms(started) < LATENCY_MS)) {
    const input = corpus[i++ % len];
    const t0 = now();
    const r = call(input);
    if (isAsync) await r;
    all[taken++] = Number(now() - t0) / 1000;
  }
  const samples = all.subarray(0, taken).sort();
  rates.sort((a, b) => a - b);
  cpuRates.sort((a, b) => a - b);
  return {
    ops: rates[rates.length >> 1],
    cpuOps: cpuRates[cpuRates.length >> 1],
    p50: samples[Math.floor(taken * 0.5)],
    p99: samples[Math.floor(taken * 0.99)],
    samples: taken,
  };
}

async function loadInternals() {
  return import(new URL('./.build/internals.mjs', import.meta.url).href);
}

function documentFor(rules) {
  return rules === 'default' ? undefined : ruleSet(rules);
}

/** The rule set of this case, loaded by the bundled sources. */
function loaded(internals) {
  const doc = documentFor(spec.rules);
  return doc ? internals.loadRuleSet(doc) : internals.defaultRuleSet;
}

/** Facts of the corpus's complaints, computed once: rules-only cases start from facts. */
function factsCorpus(internals, rs) {
  return complaints(CORPUS).map((c) => internals.toFacts(internals.parseComplaint(c), rs.scoring).facts);
}

const cases = {
  /** json-rules-engine on its own, as a user would run it: an Engine with the rules, `run(facts)`. */
  async jre() {
    const internals = await loadInternals();
    const { Engine } = await import('json-rules-engine');
    const rs = loaded(internals);
    const engine = new Engine(
      rs.rules.map((r) => ({
        name: r.name,
        priority: r.priority,
        conditions: structuredClone(r.conditions),
        event: { type: r.name },
      })),
      { allowUndefinedFacts: false },
    );
    engine.addOperator('between', (fact, range) => internals.compare('between', fact, range));
    return sequential((facts) => engine.run(facts), factsCorpus(internals, rs), true);
  },

  async 'reference-rules'() {
    const internals = await loadInternals();
    const rs = loaded(internals);
    const evaluator = internals.referenceEvaluator(rs);
    return sequential((facts) => evaluator.evaluate(facts, 'fired'), factsCorpus(internals, rs), true);
  },

  async 'compiled-rules'() {
    const internals = await loadInternals();
    const rs = loaded(internals);
    const evaluator = internals.compiledEvaluator(rs);
    return sequential((facts) => evaluator.evaluate(facts, 'fired'), factsCorpus(internals, rs), false);
  },

  async handwritten() {
    const internals = await loadInternals();
    const rs = loaded(internals);
    const { decide } = await import(new URL(`./.build/handwritten-${spec.rules}.mjs`, import.meta.url).href);
    const corpus = factsCorpus(internals, rs);
    // The baseline must decide what the engines decide, or its speed means nothing.
    const evaluator = internals.compiledEvaluator(rs);
    for (const facts of corpus) {
      const expected = evaluator.evaluate(facts, 'fired').map((o) => o.name);
      if (JSON.stringify(decide(facts)) !== JSON.stringify(expected)) {
        throw new Error(`hand-written baseline disagrees with the engine on ${JSON.stringify(facts)}`);
      }
    }
    return sequential(decide, corpus, false);
  },

  /** The whole `recommend`: parse, score, rules, remedies, rationale. */
  async full() {
    const redress = await import('../dist/index.js');
    const doc = documentFor(spec.rules);
    const recommender = redress.createRecommender({
      engine: spec.engine,
      ...(doc ? { ruleSet: redress.loadRuleSet(doc) } : {}),
    });
    // With \`text\`, each complaint is given as its JSON text, as a helpdesk backend receives it.
    const corpus = complaints(CORPUS).map((c) => (spec.text ? JSON.stringify(c) : c));
    return sequential((c) => recommender.recommend(c), corpus, true);
  },

  /**
   * recommendMany (or recommendManyAsJson) over a batch held in memory: objects in and out, or JSON
   * text in and out, as a JSON Lines pipe has it.
   */
  async batch() {
    const redress = await import('../dist/index.js');
    const recommender = redress.createRecommender();
    const inputs = complaints(spec.count).map((c) => (spec.json ? JSON.stringify(c) : c));
    const many = (list, options) =>
      spec.json ? recommender.recommendManyAsJson(list, options) : recommender.recommendMany(list, options);
    // threads 1 without `workers`: this thread does the work; with it, one worker does and this thread
    // only hands complaints over and reads results back.
    const inThread = spec.threads === 1 && !spec.workers;
    const options = inThread ? { concurrency: 1 } : { concurrency: spec.threads, workers: true };
    // Warm up as a long-running service is: a first batch compiles this thread's code, or starts the
    // recommender's worker threads and compiles theirs; the measured batch finds them warm.
    for await (const _ of many(inputs.slice(0, spec.warm ?? 20_000), options));
    const t0 = now();
    const c0 = process.cpuUsage();
    let n = 0;
    for await (const _ of many(inputs, options)) n += 1;
    const seconds = ms(t0) / 1000;
    const cpu = process.cpuUsage(c0);
    if (n !== inputs.length) throw new Error(`expected ${inputs.length} results, got ${n}`);
    return {
      ops: n / seconds,
      // CPU time of every thread of the process per complaint: what the batch costs, whatever the load.
      cpuUsPerItem: (cpu.user + cpu.system) / n,
      threads: spec.threads ?? availableParallelism(),
    };
  },

  /** recommendMany over complaints made one at a time: memory must stay flat however many there are. */
  async stream() {
    const redress = await import('../dist/index.js');
    const recommender = redress.createRecommender();
    const t0 = now();
    let n = 0;
    let errors = 0;
    for await (const r of recommender.recommendMany(complaintStream(spec.count))) {
      n += 1;
      if (redress.isRecommendationError(r)) errors += 1;
    }
    return { ops: n / (ms(t0) / 1000), count: n, errors };
  },
};

const run = cases[spec.kind];
if (!run) throw new Error(`unknown case ${spec.kind}`);
const result = await run();
console.log(JSON.stringify({ ...spec, ...result, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
