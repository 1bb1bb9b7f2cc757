// Site settings (chief editor): the site name per language, the social profiles, the time zone
// (suggested from the browser's list of IANA zones) and the default language. The site shows a
// saved change at once.

import { api, type Me } from '../api.ts';
import { h, labelled } from '../dom.ts';
import { ta } from '../i18n.ts';
import { showNotice } from '../notice.ts';
import { adminHeader, languageName } from './admin-page.ts';
import { FormErrors } from './form-errors.ts';

interface Settings { siteName: Record<string, string>; socialLinks: Record<string, string>; timeZone: string; defaultLanguage: string }
interface SettingsAnswer { settings: Settings; languages: string[]; socialNetworks: string[] }

function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

export async function renderSettings(root: HTMLElement, me: Me): Promise<void> {
  const a = ta();
  const { settings, languages, socialNetworks } = await api<SettingsAnswer>('GET', '/api/newsroom/settings');
  const errors = new FormErrors();
  const names = languages.map((language) => {
    const field = labelled(a.siteNameIn(languageName(language)), h('input', { type: 'text', maxlength: 120, value: settings.siteName[language] ?? '' }));
    errors.register(`siteName.${language}`, field.control);
    return { language, field };
  });
  const links = socialNetworks.map((network) => {
    const field = labelled(a.networks[network] ?? network, h('input', { type: 'url', value: settings.socialLinks[network] ?? '', placeholder: 'https://' }));
    errors.register(`socialLinks.${network}`, field.control);
    return { network, field };
  });
  const zones = h('datalist', { id: 'time-zones' }, ...timeZones().map((zone) => h('option', { value: zone })));
  const timeZone = labelled(a.timeZone, h('input', { type: 'text', list: 'time-zones', value: settings.timeZone, spellcheck: 'false' }));
  errors.register('timeZone', timeZone.control);
  const defaultLanguage = labelled(a.defaultLanguage, h('select', {}, ...languages.map((code) => h('option', { value: code, selected: code === settings.defaultLanguage }, languageName(code)))));
  errors.register('defaultLanguage', defaultLanguage.control);

  const form = h('form', { class: 'admin-form', 'aria-label': a.settings, novalidate: true },
    ...names.map((n) => n.field.row),
    h('fieldset', {}, h('legend', {}, a.socialLinks), ...links.map((l) => l.field.row)),
    timeZone.row, zones, defaultLanguage.row,
    h('button', { type: 'submit' }, a.saveChanges));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      errors.clear();
      try {
        await api('PATCH', '/api/newsroom/settings', {
          siteName: Object.fromEntries(names.map((n) => [n.language, n.field.control.value.trim()])),
          socialLinks: Object.fromEntries(links.map((l) => [l.network, l.field.control.value.trim()])),
          timeZone: timeZone.control.value.trim(),
          defaultLanguage: defaultLanguage.control.value,
        });
        showNotice(a.savedChanges);
      } catch (error) { errors.show(error); }
    })();
  });
  root.replaceChildren(...adminHeader(me, 'settings', a.settings), form);
}
