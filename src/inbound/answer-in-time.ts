import type { FieldErrors } from '../chat/actor.ts';
import type { Input } from './port.ts';

/**
 * A platform that must answer a submitted form within seconds (Slack: 3 s)
 * hears the checks' result once: from the checks themselves, or, if they have
 * not come by `ms` (the store slow or away, a queue of interactions), `late`
 * in its place, so the form stays open with what was typed.
 */
export function answerInTime(
  input: Input,
  ms: number,
  late: () => FieldErrors,
): { input: Input; settle(): void } {
  if (input.kind !== 'form' || !input.checked) return { input, settle: () => undefined };
  const checked = input.checked;
  let answered = false;
  const once = async (errors: FieldErrors): Promise<void> => {
    if (answered) return;
    answered = true;
    clearTimeout(timer);
    await checked(errors);
  };
  const timer = setTimeout(() => void once(late()).catch(() => undefined), ms);
  return { input: { ...input, checked: once }, settle: () => clearTimeout(timer) };
}
