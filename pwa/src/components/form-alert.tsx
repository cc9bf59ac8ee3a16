/** Moved to form-kit/form-alert.tsx; this re-export goes once the last importer (documents-browser, being edited) points there. */
export { FormAlert } from "./form-kit/form-alert";
