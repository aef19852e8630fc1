// The web app is built by the web work.
export {};
