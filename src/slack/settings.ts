/** How Tasa connects to Slack, from the environment. */
export type SlackSettings =
  | { mode: 'http'; botToken: string; signingSecret: string; apiUrl?: string }
  | { mode: 'socket'; botToken: string; appToken: string; apiUrl?: string };

/** Slack is on when its variables are set; undefined (off) otherwise. */
export function slackSettings(env: {
  SLACK_BOT_TOKEN?: string | undefined;
  SLACK_SIGNING_SECRET?: string | undefined;
  SLACK_APP_TOKEN?: string | undefined;
  SLACK_API_URL?: string | undefined;
}): SlackSettings | undefined {
  const apiUrl = env.SLACK_API_URL
    ? { apiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/` }
    : {};
  if (env.SLACK_BOT_TOKEN && env.SLACK_APP_TOKEN) {
    return {
      mode: 'socket',
      botToken: env.SLACK_BOT_TOKEN,
      appToken: env.SLACK_APP_TOKEN,
      ...apiUrl,
    };
  }
  if (env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET) {
    return {
      mode: 'http',
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      ...apiUrl,
    };
  }
  return undefined;
}
