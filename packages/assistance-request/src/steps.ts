/**
 * The later steps, one chunk loaded with import() when the person starts on the form (first
 * focus, pointer or input inside it), or at once when a draft or a waiting request is on the
 * device: checking the answers, "check your answers", sending and the outbox, the confirmation
 * and the status, the photo upload, date and time questions, the location. The form's first view needs none of it.
 */
export { renderCheckAnswers } from './check-answers.js';
export { renderConfirmation } from './confirmation.js';
export { readDateParts, renderDateTime } from './date-time-field.js';
export { geoText, locate } from './geolocation.js';
export { renderOutbox } from './outbox-view.js';
export { findProblems, problemText, summaryItems } from './problems.js';
export { openOutbox, send } from './sending.js';
export { uploadPhoto } from './upload.js';
export { stepStyles } from './steps.styles.js';
