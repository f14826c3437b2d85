// Renders neutral replies for WhatsApp: choices as reply buttons (at most 3, titles of at most 20 characters) or a
// list (at most 10 rows), falling back to the numbered text when they do not fit.
import type { OutboundMessage } from '../../engine/message.js';

export const MAX_BUTTONS = 3;
export const MAX_BUTTON_TITLE = 20;
export const MAX_LIST_ROWS = 10;
export const MAX_ROW_TITLE = 24;
export const MAX_ROW_DESCRIPTION = 72;

export type WhatsAppPayload =
  | { type: 'text'; text: { body: string } }
  | { type: 'template'; template: { name: string; language: { code: string }; components: { type: 'body'; parameters: { type: 'text'; text: string }[] }[] } }
  | { type: 'interactive'; interactive: { type: 'button'; body: { text: string }; action: { buttons: { type: 'reply'; reply: { id: string; title: string } }[] } } }
  | {
      type: 'interactive';
      interactive: {
        type: 'list';
        body: { text: string };
        action: { button: string; sections: { title: string; rows: { id: string; title: string; description?: string }[] }[] };
      };
    };

/** `listButton`: the label of the button that opens a list (French, from the caller's wording). */
export function renderWhatsApp(message: OutboundMessage, listButton: string): WhatsAppPayload {
  const choices = message.choices ?? [];
  const lead = message.lead ?? message.text;
  if (choices.length > 0 && choices.length <= MAX_BUTTONS && choices.every((c) => c.label.length <= MAX_BUTTON_TITLE)) {
    return {
      type: 'interactive',
      interactive: { type: 'button', body: { text: lead }, action: { buttons: choices.map((c) => ({ type: 'reply', reply: { id: c.id, title: c.label } })) } },
    };
  }
  if (choices.length > 0 && choices.length <= MAX_LIST_ROWS && choices.every((c) => c.label.length <= MAX_ROW_DESCRIPTION)) {
    // A long label is shortened in the row's title and given whole in its description.
    const rows = choices.map((c) => (c.label.length <= MAX_ROW_TITLE ? { id: c.id, title: c.label } : { id: c.id, title: shorten(c.label, MAX_ROW_TITLE), description: c.label }));
    return { type: 'interactive', interactive: { type: 'list', body: { text: lead }, action: { button: listButton, sections: [{ title: listButton, rows }] } } };
  }
  return { type: 'text', text: { body: message.text } };
}

/** Cut at a word boundary, with an ellipsis, within `max` characters. */
function shorten(text: string, max: number): string {
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
