import type { FormValues } from '../../chat/actor.ts';
import type { FormView } from '../../chat/views.ts';
import type { TeamsDeps } from '../deps.ts';

/** The people picker gives Entra object ids; the core knows people as tasa.yaml names them. */
export async function pickedPeople(
  deps: Pick<TeamsDeps, 'people'>,
  form: FormView,
  values: FormValues,
): Promise<void> {
  for (const field of form.fields) {
    const picked = values[field.id];
    if (field.type === 'person' && typeof picked === 'string')
      values[field.id] = await deps.people.picked(picked);
    if (field.type === 'people' && Array.isArray(picked))
      values[field.id] = await Promise.all(
        picked
          .filter((id): id is string => typeof id === 'string')
          .map((id) => deps.people.picked(id)),
      );
  }
}
