/**
 * `npm run user:create -- --email … --name … --role admin --agency <short name or id> [--password …]`
 * Creates an account (typically the first admin) without the web UI. Never prompts (CI has no
 * stdin); without --password it generates a strong one and prints it once.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { ValidationError } from '../http/errors.js';
import { createI18n } from '../http/i18n.js';
import { findAgencyByReference } from '../modules/agencies/agency.lookup.js';
import { generatePassword } from '../modules/users/generated-password.js';
import { provisionUser } from '../modules/users/user.service.js';
import { withDatabase } from '../../seeds/database.js';

const USAGE =
  'Usage: npm run user:create -- --email <email> --name <"Full Name, S.T."> --role <staff|planner|head|admin>\n' +
  '         --agency <agency short name, official name or id> [--password <password>] [--nip <18 digits>] [--position <jabatan>]';

/** A problem the person at the keyboard can fix; printed without a stack trace. */
class UsageError extends Error {}

const OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  agency: { type: 'string' },
  password: { type: 'string' },
  nip: { type: 'string' },
  position: { type: 'string' },
  help: { type: 'boolean' },
} as const;

interface CreatedAccount {
  email: string;
  role: string;
  agency: string;
  /** Set only when the password was generated (it must then be shown). */
  generatedPassword: string | null;
}

/** Parses the arguments and creates the user on the connected database. */
async function createUserFromArgs(argv: string[]): Promise<CreatedAccount> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const missing = (['email', 'name', 'role', 'agency'] as const).filter((key) => !values[key]);
  if (missing.length > 0) throw new UsageError(`Missing ${missing.map((m) => `--${m}`).join(', ')}\n${USAGE}`);
  const agency = await findAgencyByReference(values.agency as string);
  if (!agency) throw new UsageError(`No agency matches "${values.agency}". Run "npm run seed" or give an agency id.`);
  const generatedPassword = values.password ? null : generatePassword();
  const user = await provisionUser({
    email: values.email,
    name: values.name,
    role: values.role,
    agency: agency.id,
    nip: values.nip ?? '',
    position: values.position ?? '',
    password: values.password ?? generatedPassword,
  });
  return { email: user.email, role: user.role, agency: agency.shortName, generatedPassword };
}

function describeValidation(error: ValidationError): string {
  const t = createI18n().getFixedT('en');
  return Object.entries(error.details ?? {})
    .map(([field, key]) => `  --${field}: ${t(key)}`)
    .join('\n');
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfig();
  const account = await withDatabase(config, () => createUserFromArgs(argv));
  process.stdout.write(`Created ${account.role} ${account.email} (${account.agency}).\n`);
  if (account.generatedPassword) {
    process.stdout.write(`Password (shown only now): ${account.generatedPassword}\n`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ValidationError) process.stderr.write(`Cannot create the user:\n${describeValidation(error)}\n`);
  else if (error instanceof UsageError || error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`user:create failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
