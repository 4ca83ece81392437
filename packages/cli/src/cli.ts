/** `mlops` command dispatcher: each command is a module under commands/. */
import { SUITE_VERSION as VERSION } from '@akerbp-mlops/core';

const USAGE = `mlops ${VERSION} — ship models to Cognite Data Fusion Functions

Usage: mlops <command> [options]

Commands:
  init        write mlops_settings.yaml and .github/workflows/main.yml in a model repo
  validate    check mlops_settings.yaml
  test        run a model's tests and its service test
  package     build the CDF Function zip of a model
  deploy      deploy models to CDF Functions
  artifacts   list|upload|download|promote|delete model artifacts
  functions   list|call|call-parallel|logs|delete|rollback|redeploy functions
  emulator    start a local CDF emulator
  demo        run the whole pipeline on the example model against an embedded emulator

Run 'mlops <command> --help' for a command's options.
`;

type Command = (args: string[]) => Promise<number>;
const commands: Record<string, () => Promise<Command>> = {};

/** Commands register here; the dispatcher stays ignorant of what they do. */
export function registerCommand(name: string, load: () => Promise<Command>): void {
  commands[name] = load;
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (name === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`mlops: unknown command '${name}'.\n\n${USAGE}`);
    return 2;
  }
  return (await load())(rest);
}
