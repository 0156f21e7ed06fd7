/** The screen shown; there is no URL routing in a desktop window. */
export type Route = { name: 'home' } | { name: 'procedure'; code: string } | { name: 'interview'; code: string };
