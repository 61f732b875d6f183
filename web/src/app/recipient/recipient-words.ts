import type { RecipientAnswer, ReferralStatus } from '@peerpath/contracts';

/** The answers as someone outside the clinic would say them. */
export const ANSWER_LABELS: Record<RecipientAnswer, string> = {
  accepted: 'We accepted this referral',
  waitlisted: 'The person is on our waiting list',
  unable_to_contact: 'We could not reach the person',
  no_capacity: 'We have no space for this right now',
  declined: 'We cannot take this referral',
  completed: 'The service is complete',
};

/** Where the referral stands, in plain words. */
export const PLAIN_STATUS: Record<ReferralStatus, string> = {
  draft: 'Not sent yet',
  sent: 'Waiting for your answer',
  waitlisted: 'On your waiting list',
  accepted: 'Accepted by you',
  completed: 'Service complete',
  declined: 'Declined',
  no_show: 'The person did not come',
  cancelled: 'Cancelled by the clinic',
  unable_to_contact: 'Could not reach the person',
  no_capacity: 'No space',
};
