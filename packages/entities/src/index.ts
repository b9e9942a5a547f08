export * from './types';
export { extractPage, pageWordsOf } from './extract';
export { aggregateEntities, entityKey, resolvePersons } from './aggregate';
export { citesCharge, formatProvision } from './provisions';
export { parseVietnameseNumber } from './money';
export { splitDocuments } from './documents';
export { entityMatchKey, findEntities } from './search';
export { pageWordsFromText } from './plain-text';
export { applyPersonEdits, type PersonEdit } from './edits';
