// A complaint's contact log for the customer desk, with the form to record a contact.

import {fill, h} from '../dom.js';
import {t} from '../i18n.js';
import {contactsSection} from '../contacts-log.js';

export async function render(page, [complaintId], {person}) {
  const section = await contactsSection(complaintId, person.role === 'surveyor');
  fill(page, h('div', {class: 'page-head'}, h('h1', {}, t('case.title', complaintId)),
    h('a', {href: '#/surveys'}, t('back'))), section);
}
