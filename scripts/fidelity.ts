// `npm run fidelity`: see generator/fidelity/fidelity-command.ts.
import { runFidelity } from '../generator/fidelity/fidelity-command.js';

process.exitCode = await runFidelity(process.argv.slice(2));
