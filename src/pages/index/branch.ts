/** Where the customer's chosen branch is kept, so the package page books where they browsed. */
export const BRANCH_KEY = 'studio-erp.branch'
