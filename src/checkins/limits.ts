/** Length limits, said to the person when hit. */
export const limits = {
  explanation: 3000,
  evidenceUrl: 2000,
  evidenceTitle: 200,
  evidenceLinks: 10,
  reason: 1000,
  note: 1000,
} as const;
