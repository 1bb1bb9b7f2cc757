// Rubrics as IPTC Media Topics (http://cv.iptc.org/newscodes/mediatopic/), so a subscriber's system
// files our stories under its own codes. Rubrics about a place rather than a subject (the regions,
// the world) become a ninjs place instead. A rubric not in this table gets no subject code.

export interface MediaTopic {
  code: string;
  name: string;
}

const TOPICS: Readonly<Record<string, MediaTopic>> = {
  culture: { code: '01000000', name: 'arts, culture, entertainment and media' },
  arts: { code: '01000000', name: 'arts, culture, entertainment and media' },
  crime: { code: '02000000', name: 'crime, law and justice' },
  disasters: { code: '03000000', name: 'disaster, accident and emergency incident' },
  economics: { code: '04000000', name: 'economy, business and finance' },
  economy: { code: '04000000', name: 'economy, business and finance' },
  business: { code: '04000000', name: 'economy, business and finance' },
  education: { code: '05000000', name: 'education' },
  environment: { code: '06000000', name: 'environment' },
  health: { code: '07000000', name: 'health' },
  labour: { code: '09000000', name: 'labour' },
  lifestyle: { code: '10000000', name: 'lifestyle and leisure' },
  politics: { code: '11000000', name: 'politics' },
  religion: { code: '12000000', name: 'religion' },
  science: { code: '13000000', name: 'science and technology' },
  technology: { code: '13000000', name: 'science and technology' },
  society: { code: '14000000', name: 'society' },
  sport: { code: '15000000', name: 'sport' },
  conflict: { code: '16000000', name: 'conflict, war and peace' },
  weather: { code: '17000000', name: 'weather' },
};

/** Rubrics that name where a story happens, not what it is about. */
const PLACE_RUBRICS = new Set(['regions', 'world']);

export const MEDIA_TOPIC_SCHEME = 'http://cv.iptc.org/newscodes/mediatopic/';

export function mediaTopicOf(rubricKey: string): MediaTopic | undefined {
  return TOPICS[rubricKey];
}

export function isPlaceRubric(rubricKey: string): boolean {
  return PLACE_RUBRICS.has(rubricKey);
}
