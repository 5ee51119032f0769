// The public contract as zod schemas, one module per capability under contract/: handlers validate
// with them through their route definitions, and the OpenAPI document is generated from them, so the
// documentation is the validation. This module gathers them for tests and for the web apps' types;
// route definitions import the capability modules themselves, so a function loads only its own.
export * from './contract/access-log';
export * from './contract/common';
export * from './contract/consents';
export * from './contract/disclosures';
export * from './contract/exports';
export * from './contract/fulfilment-tracking';
export * from './contract/my-number';
export * from './contract/notice';
export * from './contract/personal-data';
export * from './contract/provisions';
export * from './contract/purposes';
export * from './contract/request-details';
export * from './contract/requests';
export * from './contract/staff-accounts';
