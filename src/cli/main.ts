#!/usr/bin/env node
// The `cloud-nic` command: attach, list, show, detach and wait for network interfaces on any of
// the five providers, show API version lifecycles, and run the local emulators.
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attachCommand } from './attach.js';
import { parseCommand, type Command } from './common.js';
import { detachCommand } from './detach.js';
import { emulateCommand } from './emulate.js';
import { PROVIDER_ENV_HELP } from './env.js';
import { EXIT, EXIT_CODES_HELP, UsageError, errorLine, exitCodeOf } from './exit.js';
import { listCommand } from './list.js';
import type { CliIo } from './output.js';
import { showCommand } from './show.js';
import { versionsCommand } from './versions.js';
import { waitCommand } from './wait.js';

export const COMMANDS: readonly Command[] = [
  attachCommand,
  listCommand,
  showCommand,
  detachCommand,
  waitCommand,
  versionsCommand,
  emulateCommand,
];

/** The package version, from the nearest package.json named cloud-nic above this file. */
export function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'cloud-nic' && pkg.version) return pkg.version;
    } catch {
      // not here: look one level up
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: cloud-nic <command> [options]

Attach networks to servers and wait until they are up, the same way on SCP, Huawei Cloud,
OpenStack, Rackspace and Katapult.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run 'cloud-nic <command> --help' for its options.
  -h, --help      this help
  -v, --version   the version

Examples:
  cloud-nic emulate --provider scp
  cloud-nic attach --provider scp --server <id> --subnet <id> --if-absent --output json
  cloud-nic list --provider katapult --server vm_...
  cloud-nic versions --date 2026-11-22

${PROVIDER_ENV_HELP}

${EXIT_CODES_HELP}
`;
}

/** Runs one command line; resolves to the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      if (first === 'help' && rest[0]) {
        const command = COMMANDS.find((c) => c.name === rest[0]);
        if (!command) throw new UsageError(`unknown command '${rest[0]}'`);
        io.stdout(`${command.help}\n`);
        return EXIT.ok;
      }
      io.stdout(mainHelp());
      return first === undefined ? EXIT.usage : EXIT.ok;
    }
    if (first === '-v' || first === '--version') {
      io.stdout(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === first);
    if (!command) {
      throw new UsageError(
        first.startsWith('-')
          ? `unknown option '${first}' (a command comes first)`
          : `unknown command '${first}' (one of ${COMMANDS.map((c) => c.name).join(', ')})`,
      );
    }
    const values = parseCommand(command, [...rest]);
    if (values.help) {
      io.stdout(`${command.help}\n`);
      return EXIT.ok;
    }
    return await command.run(values, io);
  } catch (error) {
    io.stderr(`${errorLine(error)}\n`);
    return exitCodeOf(error);
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    // Through a bin link (node_modules/.bin/cloud-nic) argv[1] is the link: compare real paths.
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  };
  void run(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
