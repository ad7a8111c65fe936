// The register's command line: `node bridge/register/cli.ts verify <file>`,
// `export --format csv|json [--table cases|transitions] <file>`,
// `stats [--authority <id>] [--today YYYY-MM-DD] <file>`. Reads the register
// read-only; the work is in cli-commands.ts.
// NOTE: the roster is the demo roster, as everywhere else in the project for now.
import { demoRoster } from '../../policies/roster/demo.ts';
import { runCli } from './cli-commands.ts';

const outcome = runCli(process.argv.slice(2), demoRoster, new Date());
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;
