// Checks a workflow definition — ours or a network's tuning — before any fold
// uses it, reporting every problem at once with the key it concerns (STYLE.md, 8).
import { err, ok, type Result } from '../../result.ts';
import { parseStatusId, parseWorkflowId } from '../ids/codes.ts';
import { REQUEST_KINDS } from '../vocabulary/request.ts';
import type { Workflow } from './types.ts';

function reachable(workflow: Workflow): Set<string> {
	const seen = new Set<string>([workflow.initial]);
	const queue: string[] = [workflow.initial];
	for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
		for (const t of workflow.transitions) {
			if (t.from === next && !seen.has(t.to)) {
				seen.add(t.to);
				queue.push(t.to);
			}
		}
	}
	return seen;
}

function canFinish(workflow: Workflow): Set<string> {
	const done = new Set<string>(workflow.terminal);
	for (let grew = true; grew;) {
		grew = false;
		for (const t of workflow.transitions) {
			if (done.has(t.to) && !done.has(t.from)) {
				done.add(t.from);
				grew = true;
			}
		}
	}
	return done;
}

export function validateWorkflow(workflow: Workflow): Result<Workflow, string[]> {
	const problems: string[] = [];
	const at = (key: string, message: string) => problems.push(`${workflow.id}.${key}: ${message}`);
	if (!parseWorkflowId(workflow.id).ok) at('id', 'must look like "mla.v1" (name, dot, version)');
	workflow.kinds.forEach((k, i) => (REQUEST_KINDS as readonly string[]).includes(k) || at(`kinds[${i}]`, `"${k}" is not a request kind`));
	const statuses = new Set<string>(workflow.statuses);
	if (statuses.size !== workflow.statuses.length) at('statuses', 'lists a status twice');
	workflow.statuses.forEach((s, i) => parseStatusId(s).ok || at(`statuses[${i}]`, `"${s}" is not a status code`));
	if (!statuses.has(workflow.initial)) at('initial', `"${workflow.initial}" is not one of the statuses`);
	if (workflow.terminal.length === 0) at('terminal', 'needs at least one terminal status');
	workflow.terminal.forEach((s, i) => statuses.has(s) || at(`terminal[${i}]`, `"${s}" is not one of the statuses`));
	const pairs = new Set<string>();
	workflow.transitions.forEach((t, i) => {
		const key = `transitions[${i}]`;
		if (!statuses.has(t.from)) at(`${key}.from`, `"${t.from}" is not one of the statuses`);
		if (!statuses.has(t.to)) at(`${key}.to`, `"${t.to}" is not one of the statuses`);
		if (t.from === t.to) at(key, 'a transition must change the status');
		if (t.by.length === 0) at(`${key}.by`, 'at least one side must be able to make it');
		if (workflow.terminal.includes(t.from)) at(`${key}.from`, `"${t.from}" is terminal: nothing leaves it`);
		if (pairs.has(`${t.from}→${t.to}`)) at(key, `${t.from} → ${t.to} is listed twice`);
		pairs.add(`${t.from}→${t.to}`);
	});
	const from = reachable(workflow);
	const finish = canFinish(workflow);
	for (const s of workflow.statuses) {
		if (!from.has(s)) at('statuses', `"${s}" cannot be reached from "${workflow.initial}"`);
		if (!finish.has(s)) at('statuses', `"${s}" has no way to a terminal status`);
	}
	return problems.length === 0 ? ok(workflow) : err(problems);
}
