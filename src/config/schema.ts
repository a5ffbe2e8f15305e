import { z } from 'zod';
import { frameworkDefinitions, frameworkIds, type FrameworkId } from '../catalogue/definitions.ts';
import { languages, type Language } from '../i18n/languages.ts';
import * as rules from './rules.ts';

/** A string checked by a rule; a failure carries the code of its explanation. */
const checked = (rule: (v: string) => boolean, code: string) =>
  z.string().refine(rule, { params: { tasa: code } });

const text = (max: number) => z.string().trim().min(1).max(max);

/** A person as tasa.yaml names them; every field is optional, but one way to reach them is not. */
interface PersonFields {
  email?: string | undefined;
  slack?: string | undefined;
  teams?: string | undefined;
  name?: string | undefined;
}

const emailAddress = checked(rules.email, 'email');

/**
 * A person: `{ email: …, name: … }`, a bare e-mail address, or platform ids
 * (`slack: U…`, `teams: 29:…`) as before. The e-mail is found on each platform
 * that has no id for the person (see src/people/email-resolver.ts); an id
 * given wins over it.
 */
export const personSchema = z.union([
  emailAddress.transform((email): PersonFields => ({ email })),
  z
    .strictObject({
      email: emailAddress.optional(),
      slack: checked(rules.slackUserId, 'slackUserId').optional(),
      teams: checked(rules.teamsPerson, 'teamsPerson').optional(),
      name: text(200).optional(),
    })
    .refine((p) => p.email !== undefined || p.slack !== undefined || p.teams !== undefined, {
      params: { tasa: 'personWithoutPlatform' },
    })
    .transform((p): PersonFields => p),
]);

export const channelSchema = z
  .strictObject({
    slack: checked(rules.slackChannelId, 'slackChannelId').optional(),
    teams: checked(rules.teamsChannelId, 'teamsChannelId').optional(),
  })
  .refine((c) => c.slack !== undefined || c.teams !== undefined, {
    params: { tasa: 'channelWithoutPlatform' },
  });

const localisedName = z.union([
  text(200),
  z
    .strictObject({ fi: text(200).optional(), sv: text(200).optional(), en: text(200).optional() })
    .refine((n) => Object.values(n).some((v) => v !== undefined), {
      params: { tasa: 'nameWithoutLanguage' },
    }),
]);

const keyFactorId = checked((v) => /^KF\d{2}$/.test(v), 'keyFactorId');

export const departmentSchema = z.strictObject({
  id: checked(rules.slug, 'slug'),
  name: localisedName,
  contacts: z.array(personSchema).min(1),
  keyFactors: z.union([z.literal('all'), z.array(keyFactorId).min(1)]).default('all'),
  /** A retired department is kept for its history but asked in no new cycle. */
  retired: z.boolean().optional(),
});

const cron = checked(rules.cron, 'cron');

export const scheduleSchema = z.strictObject({
  /** Opens a new cycle (named by quarter); default: the first day of each quarter at 8:00. */
  openCycle: cron.default('0 8 1 1,4,7,10 *'),
  checkIns: cron.default('0 9 * * 1'),
  reminders: cron.default('0 9 * * 1-5'),
  rollup: cron.default('0 14 * * 5'),
  digest: cron.default('0 8 * * 1'),
  /** Completed key factors go to the reviewers, one grouped message a day. */
  reviews: cron.default('0 13 * * 1-5'),
  /** A run missed while Tasa was down is made up if it is at most this late. */
  graceHours: z.number().min(0).max(72).default(6),
});

export const actionPlansSchema = z.strictObject({
  /** Owners are reminded this many days before the due date. */
  remindDaysBefore: z.array(z.number().int().min(0).max(365)).default([7, 1]),
  /** An item overdue this many days is escalated to the coordination channel, once. */
  escalateAfterDaysOverdue: z.number().int().min(1).max(365).default(7),
  /** The good-relations plan's focus goals for the current period (the plan allows three). */
  goodRelations: z
    .strictObject({
      period: text(100),
      focusGoals: z.array(checked((v) => /^HVS[1-7]$/.test(v), 'goalId')).min(1),
    })
    .optional(),
});

export const privacySchema = z.strictObject({
  /** Personal data in cycles closed, and actions finished, more than this many years ago is anonymised. */
  retentionYears: z.number().int().min(1).max(50).optional(),
});

export const cyclesSchema = z.strictObject({
  /** A cycle opened without a due date is due this many days later. */
  dueInDays: z.number().int().min(1).max(365).default(42),
  /** Evidence given more than this many months ago is marked possibly out of date. */
  evidenceStaleAfterMonths: z.number().int().min(1).max(240).default(24),
});

/** What the digest's heatmap shows: the departments' own ratings, or the scores from their answers. */
export const heatmapBases = ['ratings', 'scores'] as const;
export type HeatmapBasis = (typeof heatmapBases)[number];

export const reportsSchema = z.strictObject({
  heatmap: z.enum(heatmapBases).default('ratings'),
});

export const organizationSchema = z.strictObject({
  id: checked(rules.slug, 'slug').optional(),
  name: text(200),
  locale: z.enum(languages),
  timezone: checked(rules.timeZone, 'timeZone'),
  holidays: checked(rules.holidayCalendar, 'holidays').default('none'),
});

export const configSchema = z
  .strictObject({
    organization: organizationSchema,
    frameworks: z.array(z.enum(frameworkIds)).min(1),
    coordinators: z.array(personSchema).min(1),
    /** Who reviews departments' answers (e.g. a peer city's officer); coordinators review too. */
    reviewers: z.array(personSchema).default([]),
    channels: z.strictObject({ coordination: channelSchema, steering: channelSchema.optional() }),
    departments: z.array(departmentSchema).min(1),
    schedule: scheduleSchema.default({
      openCycle: '0 8 1 1,4,7,10 *',
      checkIns: '0 9 * * 1',
      reminders: '0 9 * * 1-5',
      rollup: '0 14 * * 5',
      digest: '0 8 * * 1',
      reviews: '0 13 * * 1-5',
      graceHours: 6,
    }),
    cycles: cyclesSchema.default({ dueInDays: 42, evidenceStaleAfterMonths: 24 }),
    actionPlans: actionPlansSchema.default({
      remindDaysBefore: [7, 1],
      escalateAfterDaysOverdue: 7,
    }),
    privacy: privacySchema.default({}),
    reports: reportsSchema.default({ heatmap: 'ratings' }),
  })
  .superRefine((config, ctx) => {
    const seenFrameworks = new Set<string>();
    config.frameworks.forEach((id, i) => {
      if (seenFrameworks.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['frameworks', i],
          params: { tasa: 'duplicate', value: id },
        });
      }
      seenFrameworks.add(id);
    });
    const driving = config.frameworks[0];
    const drivingItems = new Set(
      driving
        ? frameworkDefinitions[driving].items.filter((i) => i.questions > 0).map((i) => i.id)
        : [],
    );
    if (driving && drivingItems.size === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['frameworks', 0],
        params: { tasa: 'checkInFramework', value: driving },
      });
    }
    const seenDepartments = new Map<string, number>();
    config.departments.forEach((department, i) => {
      const first = seenDepartments.get(department.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['departments', i, 'id'],
          params: { tasa: 'duplicateDepartment', value: department.id, first },
        });
      } else {
        seenDepartments.set(department.id, i);
      }
      if (
        typeof department.name !== 'string' &&
        department.name[config.organization.locale] === undefined
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['departments', i, 'name', config.organization.locale],
          params: { tasa: 'nameInOrganizationLocale', value: config.organization.locale },
        });
      }
      if (department.keyFactors !== 'all' && drivingItems.size > 0) {
        const seen = new Set<string>();
        department.keyFactors.forEach((keyFactor, k) => {
          if (!drivingItems.has(keyFactor)) {
            ctx.addIssue({
              code: 'custom',
              path: ['departments', i, 'keyFactors', k],
              params: { tasa: 'unknownKeyFactor', value: keyFactor, framework: driving },
            });
          } else if (seen.has(keyFactor)) {
            ctx.addIssue({
              code: 'custom',
              path: ['departments', i, 'keyFactors', k],
              params: { tasa: 'duplicate', value: keyFactor },
            });
          }
          seen.add(keyFactor);
        });
      }
    });
  });

type ParsedConfig = z.infer<typeof configSchema>;

/** The validated organisation config, with defaults filled in. */
export type OrganizationConfig = Omit<ParsedConfig, 'organization' | 'frameworks'> & {
  organization: ParsedConfig['organization'] & { id: string };
  frameworks: [FrameworkId, ...FrameworkId[]];
};
export type Person = z.infer<typeof personSchema>;
export type ChannelRef = z.infer<typeof channelSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type Schedule = z.infer<typeof scheduleSchema>;

/**
 * A configured department's name in a language; else in `otherwise` (the organisation's
 * language, which the schema requires), else the first it has, else its id.
 */
export function configuredName(
  department: Department,
  language: Language,
  otherwise?: Language,
): string {
  const { name } = department;
  if (typeof name === 'string') return name;
  return (
    name[language] ??
    (otherwise === undefined ? undefined : name[otherwise]) ??
    Object.values(name)[0] ??
    department.id
  );
}
