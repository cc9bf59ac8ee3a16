/** How far a project is (the rule lives in schema/progress.ts so the PWA computes it offline too). */
export { projectProgress } from "../../../schema/progress";
