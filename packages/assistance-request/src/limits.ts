/** What the form shows before anything is checked: the description's limit and the question fields' ids (validate.ts uses them too). */
export const MAX_DESCRIPTION = 4000;

/** Ids of the controls in the component's shadow root. */
export const attributeFieldId = (index: number) => `a${index}`;
