#!/usr/bin/env node
/**
 * Composition root: the `heatwire` command. Every role (CLI commands, the web server) starts
 * here; `runCli` wires config → store → services for the command given.
 */
import { runCli } from './cli/run.js';
import { processIo } from './cli/io.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());
