import { describe, expect, it } from 'vitest';
import { DEFAULT_PRODUCTION_OPTIONS } from '../options.ts';
import { bridgeUnit, webUnit } from '../systemd.ts';
import { webEnvironment } from '../environment.ts';
import type { Result } from '../../../policies/result.ts';
import { environmentFileVariables, unitCommand } from './unit-file.ts';

const refusal = (result: Result<unknown, string>): string => (result.ok ? 'accepted' : result.error);

const o = DEFAULT_PRODUCTION_OPTIONS;
const input = { workers: [], rogatoryWritable: ['/var/lib/rogatory'] };

describe('unitCommand', () => {
	it('reads the generated web app unit: its command, folder and environment file', () => {
		const unit = unitCommand(webUnit(o, input));
		expect(unit).toEqual({
			ok: true,
			value: {
				command: [o.nodeBinary, `${o.rogatoryDir}/web/server.ts`],
				workingDirectory: o.rogatoryDir,
				environmentFile: `${o.rogatoryConfigDir}/env/web.env`,
			},
		});
	});

	it('reads the bridge unit with its config argument', () => {
		const unit = unitCommand(bridgeUnit(o, input));
		expect(unit.ok && unit.value.command).toEqual([
			o.nodeBinary,
			`${o.rogatoryDir}/bridge/bot/main.ts`,
			`${o.rogatoryConfigDir}/bridge/config.json`,
		]);
	});

	it('refuses what it would only follow approximately', () => {
		expect(refusal(unitCommand('[Service]\nExecStart=-/usr/bin/node a.ts\n'))).toContain('line 2');
		expect(unitCommand('[Service]\nExecStart="/usr/bin/node" a.ts\n').ok).toBe(false);
		expect(unitCommand('[Service]\nExecStart=/usr/bin/node %i.ts\n').ok).toBe(false);
		expect(refusal(unitCommand('[Service]\nExecStart=/a\nExecStart=/b\n'))).toContain('twice');
		expect(refusal(unitCommand('[Unit]\nExecStart=/usr/bin/node\n'))).toContain('no ExecStart=');
	});
});

describe('environmentFileVariables', () => {
	it('reads the generated web app environment', () => {
		const text = webEnvironment(o, {
			rosterPath: '/etc/r.yaml',
			sitePath: '/etc/s.yaml',
			webUrl: new URL('https://w.example'),
			authority: 'gt-mp',
		});
		const vars = environmentFileVariables(text);
		expect(vars.ok && vars.value).toMatchObject({ HOST: '127.0.0.1', ORIGIN: 'https://w.example', ROGATORY_ROSTER: '/etc/r.yaml' });
	});

	it('refuses a line that is not KEY=value, and quoting', () => {
		expect(refusal(environmentFileVariables('# c\nA=1\nnot a line\n'))).toContain('line 3');
		expect(environmentFileVariables('A="1"\n').ok).toBe(false);
		expect(environmentFileVariables('A=1\\\n').ok).toBe(false);
		expect(environmentFileVariables('\nA=x=y\n')).toEqual({ ok: true, value: { A: 'x=y' } });
	});
});
