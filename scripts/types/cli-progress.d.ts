// cli-progress ships no types; the scripts use its bar as documented.
declare module 'cli-progress';
