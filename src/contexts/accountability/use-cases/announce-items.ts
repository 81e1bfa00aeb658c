import type { Services } from '../../../core/context.js';
import { notifyUsers } from '../../accounts/index.js';
import { listUnannouncedItems } from '../store/item.repository.js';
import { claimNotice } from '../store/ledger.repository.js';
import { platformAdmins, respondersOf } from './find-responders.js';
import type { ItemRow } from '../store/tables.js';

type Item = Pick<ItemRow, 'id' | 'title' | 'organisation_id' | 'escalation_level' | 'assignee_id' | 'received_on'> & Partial<Pick<ItemRow, 'answered_by'>>;

const itemUrl = (id: string) => `/accountability/items/${id}`;

/** When nobody can answer at the item's stage, the platform admins are told the same day, so that silence has an owner. */
async function flagToAdmins(services: Services, item: Item) {
  await notifyUsers(services, await platformAdmins(services.db), {
    title: { ko: `답변할 사람이 없는 요청: ${item.title}`, en: `Nobody can answer: ${item.title}` },
    body: {
      ko: '이 요청의 부서(또는 검토 단계)에 답변할 수 있는 사람이 없습니다. 부서에 담당 공무원을 추가하거나 위원회 검토자를 지정해 주세요.',
      en: "Nobody can answer this input at its stage. Add an official to the department, or name the committee's reviewers.",
    },
    url: itemUrl(item.id),
  });
}

/**
 * Tells the department's officials of each new input the moment it arrives (callers run this right after
 * their transaction; the reminder job catches any left). Each arrival is announced once.
 */
export async function announceArrivals(services: Services): Promise<number> {
  const fresh = await listUnannouncedItems(services.db);
  let n = 0;
  for (const item of fresh) {
    if (!(await claimNotice(services.db, item.id, 'arrival', item.received_on))) continue;
    const responders = await respondersOf(services.db, item);
    if (!responders.length) await flagToAdmins(services, item);
    else {
      await notifyUsers(services, responders, {
        title: { ko: `새 요청이 접수되었습니다: ${item.title}`, en: `New input to answer: ${item.title}` },
        body: { ko: '답변 기한과 내용을 확인하고 답변해 주세요.', en: 'Check the due date and answer it.' },
        url: itemUrl(item.id),
      });
    }
    n++;
  }
  return n;
}

/** Tells whoever answers at the new stage (head of department, committee reviewers) at once. */
export async function announceEscalation(services: Services, item: Item, unanswered: boolean) {
  const responders = await respondersOf(services.db, item);
  if (!responders.length) return flagToAdmins(services, item);
  await notifyUsers(services, responders, {
    title: unanswered
      ? { ko: `기한 안에 답변이 없어 상향 검토 요청: ${item.title}`, en: `Escalated, unanswered past its due date: ${item.title}` }
      : { ko: `이의 제기로 상향 검토 요청: ${item.title}`, en: `Escalated after a dispute: ${item.title}` },
    body: unanswered
      ? {
          ko: '기한이 지나도록 답변이 없어 시민이 상향 검토를 요청했습니다. 이제 이 단계에서 답변해 주세요.',
          en: 'The citizen asked for a review at a higher level because no answer came by the due date. Please answer at this stage.',
        }
      : {
          ko: '시민이 답변에 이의를 제기하여 상향 검토가 필요합니다. 이제 이 단계에서 답변해 주세요.',
          en: 'The citizen disputed the answer; please answer it at this stage.',
        },
    url: itemUrl(item.id),
  });
}
