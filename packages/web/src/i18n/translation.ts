/**
 * The English texts of a dictionary: the same keys as the Danish one (the source of keys), any text. A missing or
 * extra key fails the type check; dictionaries.test.ts checks the same at run time for every feature's texts.
 */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
