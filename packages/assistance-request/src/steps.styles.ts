import { css } from 'lit';

/**
 * Styles of what only the later steps render (date and time fields, "check your answers", the
 * confirmation and the status), adopted by the component when they load (before they render).
 */
export const stepStyles = css`
    .date-time {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 1em;
    }
    .date-part label {
      font-weight: 400;
    }
    .date-part input {
      inline-size: 3.5em;
    }
    .date-part.year input,
    .date-part.time input {
      inline-size: 5em;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 1em;
    }
    .sending {
      margin: 0;
      align-self: center;
    }
    .check {
      margin-block: 0 1.5em;
    }
    .check .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1em;
      padding-block: 0.6em;
      border-block-end: 1px solid var(--_border);
    }
    .check dt {
      flex: 1 1 12em;
      font-weight: 600;
    }
    .check dd {
      flex: 2 1 14em;
      margin: 0;
      white-space: pre-line;
    }
    .check dd:last-child:not(:nth-child(2)) {
      flex: 0 0 auto;
    }
    .ref {
      font-size: 1.25em;
    }
`;
