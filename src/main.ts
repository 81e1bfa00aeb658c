import { runCli } from './cli.js';

/** `npm start`: the CLI when given arguments, otherwise `serve`. */
const args = process.argv.slice(2);
await runCli(args.length ? args : ['serve']);
