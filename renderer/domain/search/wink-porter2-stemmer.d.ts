/** The Porter2 (Snowball English) stemmer: lower-cases the word and returns its stem. */
declare module 'wink-porter2-stemmer' {
  const stem: (word: string) => string;
  export default stem;
}
