// `node deploy/production/cli.ts --roster <roster.yaml> --site <site.yaml> --out <dir>`:
// the generator as its own process, the same as `npm run -s rogatory -- deploy …`
// (deploy-command.ts does the work). Wiring only.
import { usePrivateUmask } from '../process/private-umask.ts';
import { runDeploy } from './deploy-command.ts';

usePrivateUmask();
const outcome = runDeploy(process.argv.slice(2));
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;
