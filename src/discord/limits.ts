/**
 * Discord's limits on what this bot sends, in one place (developer docs: "Embed Limits",
 * "Autocomplete", "Button", "Create Message"). Rendering and autocomplete fit within these;
 * nothing else in the code repeats them.
 */
export const LIMITS = Object.freeze({
  /** Autocomplete: at most this many choices, each name and value at most this long. */
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  embedFooter: 2048,
  /** Title, description, field names and values, and footer together, over all embeds of a message. */
  embedTotal: 6000,
  buttonLabel: 80,
  buttonsPerRow: 5,
  customId: 100,
  content: 2000,
  /** Files attached to one message. */
  files: 10,
});
