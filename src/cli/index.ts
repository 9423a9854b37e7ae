// cli: the commander program and its subcommands.

export { renderTable, renderResult, QueryPrinter } from './render.js';
export { runScript } from './run-script.js';
