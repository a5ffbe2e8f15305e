import { ownerKey } from '../../action-plans/draft.ts';
import { privacyOf } from '../../core.ts';
import { writeOutputFile } from '../files.ts';
import { parseOptions, type CliCommand, type CliContext, type Organization } from '../io.ts';

/** Opens the organisation, finds the person named on the command line, and runs `work` for them. */
async function forPerson(
  written: string | undefined,
  context: CliContext,
  work: (person: string, organization: Organization) => Promise<number>,
): Promise<number> {
  if (!written) {
    context.err(context.t('cli:missingArgument', { name: context.t('cli:arguments.person') }));
    return 2;
  }
  const organization = await context.openOrganization();
  try {
    const person = ownerKey(organization.directory, written);
    if (!person) {
      context.err(context.t('cli:privacy.unknownPerson', { value: written }));
      return 1;
    }
    return await work(person, organization);
  } finally {
    await organization.close();
  }
}

/** `tasa privacy export <person> [--out file.json] [--force]`: what Tasa keeps about a person (GDPR access). */
export const privacyExport: CliCommand = (args, context) => {
  const { positional, options, flags } = parseOptions(args);
  return forPerson(positional[0], context, async (person, organization) => {
    const data = await privacyOf(organization.store, organization.directory).export(
      person,
      new Date(),
    );
    const json = JSON.stringify(data, null, 2);
    const file = options.get('out');
    if (file) {
      // Personal data: readable by its owner only, and never written through a link.
      writeOutputFile(file, `${json}\n`, { force: flags.has('force'), mode: 0o600 });
      context.out(context.t('cli:privacy.exported', { person, file }));
    } else {
      context.out(json);
    }
    return 0;
  });
};

/** `tasa privacy erase <person> --yes`: erasure (GDPR); answers stay, attributed to the department. */
export const privacyErase: CliCommand = (args, context) => {
  const { positional } = parseOptions(args.filter((a) => a !== '--yes'));
  return forPerson(positional[0], context, async (person, organization) => {
    if (!args.includes('--yes')) {
      context.err(context.t('cli:privacy.confirm', { person }));
      return 2;
    }
    const report = await privacyOf(organization.store, organization.directory).erase(person);
    context.out(
      context.t('cli:privacy.erased', {
        person,
        records: report.records ?? 0,
        items: report.actionItems ?? 0,
      }),
    );
    return 0;
  });
};
