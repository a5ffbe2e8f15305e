import { writeFileSync } from 'node:fs';
import { ownerKey } from '../../action-plans/draft.ts';
import { erasePerson, exportPersonData } from '../../privacy/privacy.ts';
import { parseOptions, type CliCommand } from '../io.ts';

/** `tasa privacy export <person> [--out file.json]`: what Tasa keeps about a person (GDPR access). */
export const privacyExport: CliCommand = async (args, { out, err, t, openOrganization }) => {
  const { positional, options } = parseOptions(args);
  const written = positional[0];
  if (!written) {
    err(t('cli:missingArgument', { name: '<person>' }));
    return 2;
  }
  const organization = await openOrganization();
  try {
    const person = ownerKey(organization.directory, written);
    if (!person) {
      err(t('cli:privacy.unknownPerson', { value: written }));
      return 1;
    }
    const json = JSON.stringify(
      await exportPersonData(organization.store, person, new Date()),
      null,
      2,
    );
    const file = options.get('out');
    if (file) {
      writeFileSync(file, `${json}\n`);
      out(t('cli:privacy.exported', { person, file }));
    } else {
      out(json);
    }
    return 0;
  } finally {
    await organization.close();
  }
};

/** `tasa privacy erase <person> --yes`: erasure (GDPR); answers stay, attributed to the department. */
export const privacyErase: CliCommand = async (args, { out, err, t, openOrganization }) => {
  const { positional } = parseOptions(args.filter((a) => a !== '--yes'));
  const written = positional[0];
  if (!written) {
    err(t('cli:missingArgument', { name: '<person>' }));
    return 2;
  }
  const organization = await openOrganization();
  try {
    const person = ownerKey(organization.directory, written);
    if (!person) {
      err(t('cli:privacy.unknownPerson', { value: written }));
      return 1;
    }
    if (!args.includes('--yes')) {
      err(t('cli:privacy.confirm', { person }));
      return 2;
    }
    const report = await erasePerson(organization.store, person);
    out(t('cli:privacy.erased', { person, records: report.records, items: report.actionItems }));
    return 0;
  } finally {
    await organization.close();
  }
};
