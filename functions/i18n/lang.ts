/**
 * The two languages of lapkin: Bahasa Indonesia (the office's, the default) and English. Every document, mail,
 * page and CLI line takes one of these; the words and formats for each live in this folder only.
 */
export type Lang = 'id' | 'en';
