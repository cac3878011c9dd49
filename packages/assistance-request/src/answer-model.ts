/**
 * The person's answers as the form keeps them (and the draft stores them). The form's first view
 * needs only this; the request bodies built from it (answers.ts) load with the later steps.
 */
export type AnswerMethod = '' | 'email' | 'phone' | 'post' | 'none';
export const ANSWER_METHODS = ['email', 'phone', 'post', 'none'] as const;
export const NEEDS = ['interpreter', 'sign-language', 'easy-read', 'large-print', 'other'] as const;

export interface Answers {
  service: string;
  /** By attribute code: a string, or a list for multivaluelist. */
  attrs: Record<string, string | string[]>;
  description: string;
  address: string;
  lat?: number;
  long?: number;
  first: string;
  last: string;
  email: string;
  phone: string;
  answer: AnswerMethod;
  postal: string;
  needs: string[];
  needsOther: string;
  media: string;
}

export const emptyAnswers = (): Answers => ({
  service: '',
  attrs: {},
  description: '',
  address: '',
  first: '',
  last: '',
  email: '',
  phone: '',
  answer: '',
  postal: '',
  needs: [],
  needsOther: '',
  media: '',
});
