// The same wire item as a NewsML-G2 2.35 newsItem (IPTC's XML format): built from the ninjs item,
// so both formats always say the same thing. The body travels as escaped HTML in inlineData;
// qcodes use the schemes of IPTC's standard catalog (ninat, stat, medtop, drol).

import { escapeHtml } from '../../content/index.ts';
import type { NinjsItem } from './ninjs-item.ts';

export const NEWSML_G2_VERSION = '2.35';
const CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml';

const x = (text: unknown): string => escapeHtml(String(text));

interface Named { name?: string; literal?: string; rel?: string; uri?: string; role?: string; value?: string; contentType?: string; language?: string }

export function renderNewsmlItem(item: NinjsItem): string {
  const lines: string[] = [];
  const add = (line: string) => lines.push(line);
  const headlines = (item.headlines as Named[] | undefined) ?? [];
  const descriptions = (item.descriptions as Named[] | undefined) ?? [];
  const bodies = (item.bodies as Named[] | undefined) ?? [];
  const subjects = (item.subjects as Named[] | undefined) ?? [];
  const places = (item.places as Named[] | undefined) ?? [];
  const people = (item.people as Named[] | undefined) ?? [];
  const associations = (item.associations as Named[] | undefined) ?? [];

  add('<?xml version="1.0" encoding="UTF-8"?>');
  add(`<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${x(item.uri)}" version="${x(item.version)}" standard="NewsML-G2" standardversion="${NEWSML_G2_VERSION}" conformance="power" xml:lang="${x(item.language)}">`);
  add(`  <catalogRef href="${CATALOG}"/>`);
  add('  <itemMeta>');
  add('    <itemClass qcode="ninat:text"/>');
  add('    <provider literal="dispatch"/>');
  add(`    <versionCreated>${x(item.versionCreated)}</versionCreated>`);
  add(`    <firstCreated>${x(item.firstCreated)}</firstCreated>`);
  if (item.embargoedUntil) add(`    <embargoed>${x(item.embargoedUntil)}</embargoed>`);
  add(`    <pubStatus qcode="stat:${x(item.pubStatus)}"/>`);
  if (item.edNote) add(`    <edNote>${x(item.edNote)}</edNote>`);
  for (const association of associations) {
    add(`    <link rel="irel:translation" href="${x(association.uri)}" contenttype="application/vnd.iptc.g2.newsitem+xml" xml:lang="${x(association.language)}" title="${x(association.name)}"/>`);
  }
  add('  </itemMeta>');
  add('  <contentMeta>');
  if (typeof item.urgency === 'number') add(`    <urgency>${item.urgency}</urgency>`);
  add(`    <contentCreated>${x(item.contentCreated)}</contentCreated>`);
  for (const place of places) add(`    <located literal="${x(place.literal)}"><name>${x(place.name)}</name></located>`);
  for (const person of people) add(`    <creator literal="${x(person.literal)}" role="crol:author"><name>${x(person.name)}</name></creator>`);
  add(`    <language tag="${x(item.language)}"/>`);
  for (const subject of subjects) {
    const code = subject.literal?.startsWith('medtop:') ? `qcode="${x(subject.literal)}"` : `literal="${x(subject.literal)}"`;
    add(`    <subject type="cpnat:abstract" ${code}><name>${x(subject.name)}</name></subject>`);
  }
  for (const headline of headlines) add(`    <headline>${x(headline.value)}</headline>`);
  if (item.by) add(`    <by>${x(item.by)}</by>`);
  for (const description of descriptions) add(`    <description role="drol:summary">${x(description.value)}</description>`);
  add('  </contentMeta>');
  if (bodies.length > 0) {
    add('  <contentSet>');
    for (const body of bodies) add(`    <inlineData contenttype="${x(body.contentType)}">${x(body.value)}</inlineData>`);
    add('  </contentSet>');
  }
  add('</newsItem>');
  return lines.join('\n') + '\n';
}
