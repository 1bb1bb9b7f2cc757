// The name and address fields per language that rubrics and tags share, registered with the
// form's error display under the API's field names (`names.en`, `slugs.en`).

import { h, labelled } from '../dom.ts';
import { ta } from '../i18n.ts';
import type { FormErrors } from './form-errors.ts';
import { languageName } from './admin-page.ts';

export interface NamesFields {
  rows: HTMLElement[];
  /** `{ names, slugs }` with only the languages filled in (and changed, when `current` was given). */
  read(): { names?: Record<string, string>; slugs?: Record<string, string> };
}

export function namesFields(
  languages: readonly string[],
  errors: FormErrors,
  options: { current?: Record<string, { name: string; slug: string }>; withSlugs: boolean },
): NamesFields {
  const a = ta();
  const rows: HTMLElement[] = [];
  const inputs = languages.map((language) => {
    const current = options.current?.[language];
    const name = labelled(a.nameIn(languageName(language)), h('input', { type: 'text', maxlength: 120, value: current?.name ?? '' }));
    errors.register(`names.${language}`, name.control);
    rows.push(name.row);
    let slug: HTMLInputElement | undefined;
    if (options.withSlugs) {
      const field = labelled(a.slugIn(languageName(language)), h('input', { type: 'text', maxlength: 120, value: current?.slug ?? '', spellcheck: 'false' }), a.slugHint);
      errors.register(`slugs.${language}`, field.control);
      rows.push(field.row);
      slug = field.control;
    }
    return { language, name: name.control, slug, current };
  });
  return {
    rows,
    read() {
      const names: Record<string, string> = {};
      const slugs: Record<string, string> = {};
      for (const input of inputs) {
        const name = input.name.value.trim();
        const slug = input.slug?.value.trim() ?? '';
        if (name !== '' && name !== input.current?.name) names[input.language] = name;
        if (slug !== '' && slug !== input.current?.slug) slugs[input.language] = slug;
      }
      return { ...(Object.keys(names).length > 0 ? { names } : {}), ...(Object.keys(slugs).length > 0 ? { slugs } : {}) };
    },
  };
}
