import { describe, expect, it } from 'vitest';
import { type DataRequestView, publicRequestView } from './describe-data-requests.js';

describe('publicRequestView', () => {
  it("gives the requester's display name and drops their account id, keeping everything else", () => {
    const view = { id: 'r1', title: '버스 정류장 승하차', requester: { id: 'user-123', displayName: '민지' } } as unknown as DataRequestView;
    const shown = publicRequestView(view);
    expect(shown.requester).toEqual({ displayName: '민지' });
    expect(JSON.stringify(shown)).not.toContain('user-123');
    expect(shown).toMatchObject({ id: 'r1', title: '버스 정류장 승하차' });
  });
});
