// The view models moved to functions/ (the portal shows reports too); the local routes and CLI import them here.
export * from '../../functions/core/report-view.ts';
