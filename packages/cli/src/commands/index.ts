/**
 * Every command of `mlops`, in the order `mlops --help` lists them. A command is a module whose
 * default export adds it to the program (`program.command('name')...action(handler(...))`).
 */
import type { Command } from 'commander';
import init from './init.js';
import validate from './validate.js';
import test from './test.js';
import packageCommand from './package.js';
import deploy from './deploy.js';
import artifacts from './artifacts.js';
import functions from './functions.js';
import emulator from './emulator.js';
import demo from './demo.js';
import completion from '../completion.js';

export const commands: ((program: Command) => void)[] = [init, validate, test, packageCommand, deploy, artifacts, functions, emulator, demo, completion];
