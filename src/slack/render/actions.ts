/** Every Tasa button's action_id starts with this; the rest keeps ids unique within a message. */
export const actionIdPrefix = 'tasa.';
