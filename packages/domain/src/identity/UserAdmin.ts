// Schemas for this API area are added by the identity work.
export {};
