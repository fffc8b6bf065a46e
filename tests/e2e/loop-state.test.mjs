// The loop's state in the page is asyncio's: stepping a scenario one loop
// iteration at a time, the ready queue and the timer heap the page shows at
// each iteration are the reference harness's `@ready … @timers …` line
// (CPython 3.13, `../shared/scenarios/*.trace`), and every task token sits
// in the state the headless runner's trace gives it at that step.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';

import { open, SHOTS, testid, type, useSite } from './support/app.mjs';
import { serveSite } from './support/server.mjs';

const SCENARIOS = resolve('../shared/scenarios');
/** Iterations checked per scenario (from the start). */
const ITERATIONS = 14;

/** The headless runner (built by `cargo test`, or a release build). */
function runner() {
  const target = process.env.CARGO_TARGET_DIR ?? 'target';
  for (const p of [join(target, 'release', 'loopscope'), join(target, 'debug', 'loopscope')]) {
    if (existsSync(p)) return p;
  }
  throw new Error('no loopscope binary: run cargo build first');
}

/** The reference's loop states: [{ ready: [...], timers: [...] }], in order. */
function loopStates(trace) {
  const split = (s) => (s === '' ? [] : s.split(', '));
  return trace.split('\n').flatMap((line) => {
    const m = line.match(/ @ready \[(.*)\] @timers \[(.*)\]$/);
    return m ? [{ ready: split(m[1]), timers: split(m[2]) }] : [];
  });
}

/** Each task's state after the first `n` events of a JSON trace, by task name. */
function taskStates(json, n) {
  const names = new Map();
  const states = new Map();
  for (const e of json.events.slice(0, n)) {
    if (e[0] === 'task_new') {
      names.set(e[1], json.strings[e[2]]);
      states.set(e[1], 'created');
    } else if (e[0] === 'task_state') {
      states.set(e[1], e[2]);
    } else if (e[0] === 'task_name') {
      names.set(e[1], json.strings[e[2]]);
    }
  }
  return Object.fromEntries([...states].map(([id, s]) => [names.get(id), s]));
}

describe('the loop state shown is asyncio\'s', { timeout: 900_000 }, () => {
  let browser;
  let root;

  useSite((b, r) => {
    browser = b;
    root = r;
  });

  test('ready queue, timer heap and task states at each iteration of every scenario', async () => {
    const bin = runner();
    const page = await open(browser, root.url);
    await page.selectOption(testid('granularity'), 'iteration');
    const names = (await readdir(SCENARIOS)).filter((n) => n.endsWith('.py')).sort();
    let scenarios = 0;
    let compared = 0;
    for (const name of names) {
      const tracePath = join(SCENARIOS, name.replace(/\.py$/, '.trace'));
      if (!existsSync(tracePath)) continue;
      const file = join(SCENARIOS, name);
      const want = loopStates(await readFile(tracePath, 'utf8'));
      const json = JSON.parse(execFileSync(bin, ['trace', '--json', file], { maxBuffer: 1 << 28 }).toString());
      assert.equal(await type(page, await readFile(file, 'utf8')), 'ready', name);
      await page.click(testid('to-start')).catch(() => {});
      let seen = 0;
      for (let i = 0; i < 400 && seen < Math.min(ITERATIONS, want.length); i++) {
        if (await page.locator(testid('step-forward')).isDisabled()) break;
        await page.click(testid('step-forward'));
        const shown = await page.evaluate(() => ({
          step: Number(document.querySelector('[data-testid=scrubber]').value),
          last: document.querySelector('.shell').dataset.lastEvent,
          ready: [...document.querySelectorAll('[data-testid=ready-item]')]
            .filter((e) => e.dataset.cancelled !== 'true').map((e) => e.textContent),
          timers: [...document.querySelectorAll('[data-testid=timer]')]
            .map((e) => `${e.dataset.cancelled === 'true' ? 'x' : ''}${Number(e.dataset.when).toFixed(3)} ${e.dataset.label}`),
          tasks: Object.fromEntries([...document.querySelectorAll('[data-testid=task]')]
            .map((e) => [e.dataset.task, e.dataset.state])),
        }));
        assert.deepEqual(shown.tasks, taskStates(json, shown.step), `${name} step ${shown.step}: task states`);
        if (shown.last !== 'iter_run') continue;
        assert.deepEqual({ ready: shown.ready, timers: shown.timers }, want[seen], `${name}, iteration ${seen + 1}`);
        seen += 1;
        compared += 1;
      }
      assert.equal(seen, Math.min(ITERATIONS, want.length), `${name}: iterations reached`);
      scenarios += 1;
    }
    assert.ok(scenarios >= 40, `${scenarios} scenarios`);
    await page.screenshot({ path: join(SHOTS, 'loop-state.png') });
    assert.deepEqual(page.problems, []);
    console.log(`compared ${compared} loop states in ${scenarios} scenarios`);
  });
});
