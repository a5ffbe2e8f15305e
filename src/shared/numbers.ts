/** How much of a whole is done, in whole percent; nothing to do counts as all done. */
export const percent = (answered: number, total: number): number =>
  total === 0 ? 100 : Math.round((answered / total) * 100);
