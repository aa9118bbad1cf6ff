export * from './draft';
export * from './html';
export { draftArticle, warmUpDrafting } from './draft-article';
export type { DraftingDependencies } from './assembly';
