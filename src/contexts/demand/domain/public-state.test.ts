import { describe, expect, it } from 'vitest';
import { publicState, publicationOverdue } from './public-state.js';

describe('public state of a data request', () => {
  const base = { datasetId: null, decision: null, awaitingAnswer: true, overdue: false };
  it('is open, then late, while the answer is owed', () => {
    expect(publicState(base)).toBe('open');
    expect(publicState({ ...base, overdue: true })).toBe('late');
  });
  it('is answered or declined once answered, and published once a dataset is linked', () => {
    expect(publicState({ ...base, awaitingAnswer: false, decision: 'will_publish' })).toBe('answered');
    expect(publicState({ ...base, awaitingAnswer: false, decision: 'declined' })).toBe('declined');
    expect(publicState({ ...base, awaitingAnswer: false, decision: null })).toBe('answered');
    expect(publicState({ ...base, awaitingAnswer: true, decision: 'declined', datasetId: 'x' })).toBe('published');
  });
  it('reopens after an escalation even when an earlier decision stands', () => {
    expect(publicState({ ...base, decision: 'declined', awaitingAnswer: true })).toBe('open');
  });
  it('flags a promised date that passed without a dataset', () => {
    const promise = { decision: 'will_publish' as const, publishBy: '2026-12-01', datasetId: null };
    expect(publicationOverdue(promise, '2026-12-01')).toBe(false);
    expect(publicationOverdue(promise, '2026-12-02')).toBe(true);
    expect(publicationOverdue({ ...promise, datasetId: 'd' }, '2027-01-01')).toBe(false);
    expect(publicationOverdue({ ...promise, decision: 'declined' }, '2027-01-01')).toBe(false);
  });
});
